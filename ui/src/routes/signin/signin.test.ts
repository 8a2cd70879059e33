import { describe, expect, it } from 'vitest';
import type { SignInChoice } from '$lib/api/bindings/SignInChoice';
import {
	isLockKey,
	orderChoices,
	pickerKey,
	restoredNote,
	secondsLeft,
	waitEnds,
	waitText
} from './signin';

const key = (
	name: string,
	mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}
) => ({ key: name, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

const choice = (id: number, role: SignInChoice['role']): SignInChoice => ({
	id,
	name: `Person ${id}`,
	role,
	waitSeconds: null
});

describe('orderChoices', () => {
	it('puts owners first and keeps the shell’s order within each role', () => {
		const ordered = orderChoices([
			choice(1, 'staff'),
			choice(2, 'owner'),
			choice(3, 'staff'),
			choice(4, 'owner')
		]);
		expect(ordered.map((c) => c.id)).toEqual([2, 4, 1, 3]);
	});
});

describe('pickerKey', () => {
	it('picks the nth name for digit n, and nothing past the list', () => {
		expect(pickerKey(key('1'), 3, -1)).toEqual({ kind: 'pick', index: 0 });
		expect(pickerKey(key('3'), 3, 0)).toEqual({ kind: 'pick', index: 2 });
		expect(pickerKey(key('4'), 3, 0)).toBeNull();
		expect(pickerKey(key('0'), 3, 0)).toBeNull();
	});

	it('moves with the arrows, round the ends', () => {
		expect(pickerKey(key('ArrowDown'), 3, 0)).toEqual({ kind: 'focus', index: 1 });
		expect(pickerKey(key('ArrowRight'), 3, 2)).toEqual({ kind: 'focus', index: 0 });
		expect(pickerKey(key('ArrowUp'), 3, 0)).toEqual({ kind: 'focus', index: 2 });
		expect(pickerKey(key('ArrowLeft'), 3, 1)).toEqual({ kind: 'focus', index: 0 });
	});

	it('starts at an end when no name has the focus', () => {
		expect(pickerKey(key('ArrowDown'), 3, -1)).toEqual({ kind: 'focus', index: 0 });
		expect(pickerKey(key('ArrowUp'), 3, -1)).toEqual({ kind: 'focus', index: 2 });
		expect(pickerKey(key('Home'), 3, 1)).toEqual({ kind: 'focus', index: 0 });
		expect(pickerKey(key('End'), 3, 1)).toEqual({ kind: 'focus', index: 2 });
	});

	it('picks the focused name on Enter, and nothing when none is focused', () => {
		expect(pickerKey(key('Enter'), 3, 1)).toEqual({ kind: 'pick', index: 1 });
		expect(pickerKey(key('Enter'), 3, -1)).toBeNull();
	});

	it('leaves shortcuts with a modifier, other keys and an empty list alone', () => {
		expect(pickerKey(key('1', { ctrlKey: true }), 3, 0)).toBeNull();
		expect(pickerKey(key('2', { altKey: true }), 3, 0)).toBeNull();
		expect(pickerKey(key('a'), 3, 0)).toBeNull();
		expect(pickerKey(key('Tab'), 3, 0)).toBeNull();
		expect(pickerKey(key('1'), 0, -1)).toBeNull();
		expect(pickerKey(key('ArrowDown'), 0, -1)).toBeNull();
	});
});

describe('isLockKey', () => {
	it('is Ctrl+L or ⌘L, in either case, and nothing else', () => {
		expect(isLockKey(key('l', { ctrlKey: true }))).toBe(true);
		expect(isLockKey(key('L', { ctrlKey: true }))).toBe(true);
		expect(isLockKey(key('l', { metaKey: true }))).toBe(true);
		expect(isLockKey(key('l'))).toBe(false);
		expect(isLockKey(key('l', { ctrlKey: true, altKey: true }))).toBe(false);
		expect(isLockKey(key('L', { ctrlKey: true, shiftKey: true }))).toBe(false);
		expect(isLockKey(key('k', { ctrlKey: true }))).toBe(false);
	});
});

describe('the PIN wait', () => {
	it('ends waitSeconds after it was read, or not at all', () => {
		expect(waitEnds(30, 1_000)).toBe(31_000);
		expect(waitEnds(null, 1_000)).toBeNull();
		expect(waitEnds(0, 1_000)).toBeNull();
	});

	it('counts whole seconds, rounded up, down to zero', () => {
		expect(secondsLeft(31_000, 1_000)).toBe(30);
		expect(secondsLeft(31_000, 1_001)).toBe(30);
		expect(secondsLeft(31_000, 30_001)).toBe(1);
		expect(secondsLeft(31_000, 31_000)).toBe(0);
		expect(secondsLeft(31_000, 40_000)).toBe(0);
	});

	it('says how long is left', () => {
		expect(waitText(30)).toBe('Too many wrong PINs. Try again in 30 s.');
	});
});

describe('restoredNote', () => {
	it('says which backup the data now is, in the shop’s locale', () => {
		expect(restoredNote('2026-11-28T17:42:00Z', 'en-IE')).toBe(
			'Restored the backup from 28 Nov 2026, 17:42. Sign in again.'
		);
	});
});
