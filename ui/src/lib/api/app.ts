// The app as a whole: where its data lives, whether the store opened, the business profile.

import { call } from './ipc';
import type { AppStatus } from './bindings/AppStatus';

export type { AppStatus };

/** What the app needs to know at start: store problem, profile, form choices. */
export function status(): Promise<AppStatus> {
	return call<AppStatus>('app_status');
}

/** Fills an empty store with a demo shop and partners; returns the new status. */
export function loadDemo(): Promise<AppStatus> {
	return call<AppStatus>('load_demo');
}
