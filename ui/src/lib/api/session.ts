// Signing in and out: who may sign in on this window, the first owner, PINs, owner recovery,
// the lock, and telling the shell the person at the keyboard is still there.

import { call } from './ipc';
import type { OwnerSignedIn } from './bindings/OwnerSignedIn';
import type { PersonRole } from './bindings/PersonRole';
import type { PinChange } from './bindings/PinChange';
import type { RecoveryInput } from './bindings/RecoveryInput';
import type { SessionView } from './bindings/SessionView';
import type { SignInChoice } from './bindings/SignInChoice';

export type { OwnerSignedIn, PersonRole, PinChange, RecoveryInput, SessionView, SignInChoice };

/** The active people the lock screen offers, each with the seconds left of a PIN wait. */
export function choices(): Promise<SignInChoice[]> {
	return call<SignInChoice[]>('sign_in_choices');
}

/**
 * Creates the first owner and signs them in; resolves with the one-time recovery code too.
 * Rejects with `owner_exists` once there is an owner, and with `field: 'pin'`/`'pinAgain'`
 * for a PIN the core refuses.
 */
export function createFirstOwner(name: string, pin: PinChange): Promise<OwnerSignedIn> {
	return call<OwnerSignedIn>('create_first_owner', { name, pin });
}

/** Signs `personId` in. Rejects with `wrong_pin` or `pin_wait` (field `pin`). */
export function signIn(personId: number, pin: string): Promise<SessionView> {
	return call<SessionView>('sign_in', { personId, pin });
}

/**
 * Gives owner `personId` a new PIN with their recovery code and signs them in; resolves with
 * a new recovery code (the old one no longer works).
 */
export function recoverOwner(personId: number, input: RecoveryInput): Promise<OwnerSignedIn> {
	return call<OwnerSignedIn>('recover_owner', { personId, input });
}

/** Locks the window: the shell forgets the session. */
export function lock(): Promise<null> {
	return call<null>('lock');
}

/** Tells the shell the signed-in person is still at work, so it does not lock on idle. */
export function stillHere(): Promise<null> {
	return call<null>('still_here');
}

/** Sets the minutes without activity before the window locks (owners only); resolves with them. */
export function setIdleLock(minutes: number): Promise<number> {
	return call<number>('set_idle_lock', { minutes });
}

/**
 * Renders the recovery code as a PDF, asks where to save it and opens it (owners only).
 * Resolves with the saved path, or null when the save was cancelled.
 */
export function printRecoveryCode(code: string): Promise<string | null> {
	return call<string | null>('print_recovery_code', { code });
}
