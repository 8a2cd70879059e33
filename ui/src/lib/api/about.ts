// About Partnerdesk (the owner's): version, data folder, schema, licences.

import { call } from './ipc';
import type { AboutView } from './bindings/AboutView';
import type { Licence } from './bindings/Licence';

export type { AboutView, Licence };

/** The version, data folder, schema version and every licence. */
export function about(): Promise<AboutView> {
	return call<AboutView>('about');
}

/** Opens the data folder in the file manager. */
export function openDataFolder(): Promise<null> {
	return call<null>('open_data_folder');
}
