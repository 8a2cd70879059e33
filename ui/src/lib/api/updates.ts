// Updates (the owner's): what the last check found, checking now, installing what it found,
// the restart after, and the quiet check at start. The shell does all of it; the window
// only shows the state and the sentence it sends.

import { call } from './ipc';
import type { UpdatesView } from './bindings/UpdatesView';
import type { UpdateState } from './bindings/UpdateState';

export type { UpdatesView, UpdateState };

/** What the last check found (at start, or by hand). */
export function status(): Promise<UpdatesView> {
	return call<UpdatesView>('update_status');
}

/** Looks for a newer version now; a failed check resolves with the calm "could not check". */
export function check(): Promise<UpdatesView> {
	return call<UpdatesView>('check_for_updates');
}

/**
 * Installs what the last check found: the data backed up first, the download's signature
 * checked. Rejects with `update_refused` (signature) or `update_failed` (download, install).
 */
export function install(): Promise<UpdatesView> {
	return call<UpdatesView>('install_update');
}

/** Restarts the app onto an installed update. */
export function restart(): Promise<null> {
	return call<null>('restart_app');
}

/** Allows or stops the quiet check at start. */
export function setCheckAtStart(allowed: boolean): Promise<UpdatesView> {
	return call<UpdatesView>('set_update_check_at_start', { allowed });
}
