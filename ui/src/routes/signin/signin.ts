// The lock screen's rules that need no window: the order of the names, what a key does on
// them, the lock shortcut, the PIN wait, and what it says after a restore.

import { dateTimeText } from '$lib/format';
import type { PersonRole } from '$lib/api/bindings/PersonRole';
import type { SignInChoice } from '$lib/api/bindings/SignInChoice';

export const roleLabels: Record<PersonRole, string> = { owner: 'Owner', staff: 'Staff' };

/** Owners first (they are few and set the till up), each group in the shell's order. */
export function orderChoices(choices: readonly SignInChoice[]): SignInChoice[] {
	return [
		...choices.filter((c) => c.role === 'owner'),
		...choices.filter((c) => c.role !== 'owner')
	];
}

type Key = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

export type PickerAction = { kind: 'pick'; index: number } | { kind: 'focus'; index: number };

/**
 * What `key` does on the list of `count` names, `current` being the focused one (-1: none).
 * Digits 1–9 pick the nth name at once, so switching person is Ctrl+L and one digit; arrows
 * move round the list, Home and End go to its ends, Enter picks the focused name.
 */
export function pickerKey(key: Key, count: number, current: number): PickerAction | null {
	if (key.ctrlKey || key.metaKey || key.altKey || count === 0) return null;
	if (/^[1-9]$/.test(key.key)) {
		const index = Number(key.key) - 1;
		return index < count ? { kind: 'pick', index } : null;
	}
	switch (key.key) {
		case 'ArrowDown':
		case 'ArrowRight':
			return { kind: 'focus', index: current < 0 ? 0 : (current + 1) % count };
		case 'ArrowUp':
		case 'ArrowLeft':
			return { kind: 'focus', index: current < 0 ? count - 1 : (current - 1 + count) % count };
		case 'Home':
			return { kind: 'focus', index: 0 };
		case 'End':
			return { kind: 'focus', index: count - 1 };
		case 'Enter':
			return current >= 0 && current < count ? { kind: 'pick', index: current } : null;
		default:
			return null;
	}
}

/** Ctrl+L (⌘L on a Mac) locks the window from anywhere. */
export function isLockKey(key: Key & { shiftKey?: boolean }): boolean {
	return (
		(key.ctrlKey || key.metaKey) && !key.altKey && !key.shiftKey && key.key.toLowerCase() === 'l'
	);
}

/** When a wait of `waitSeconds` reported at `at` (ms) ends, or null for none. */
export function waitEnds(waitSeconds: number | null, at: number): number | null {
	return waitSeconds !== null && waitSeconds > 0 ? at + waitSeconds * 1000 : null;
}

/** Whole seconds left until `until`, rounded up so the screen never says 0 while waiting. */
export function secondsLeft(until: number, now: number): number {
	return Math.max(0, Math.ceil((until - now) / 1000));
}

/** What the PIN field says while a wait runs. */
export function waitText(seconds: number): string {
	return `Too many wrong PINs. Try again in ${seconds} s.`;
}

/** What the lock screen says after a restore signed everyone out. */
export function restoredNote(takenAt: string, locale: string | undefined): string {
	return `Restored the backup from ${dateTimeText(takenAt, locale)}. Sign in again.`;
}
