// What the whole window shares: the status read at start, kept current as the profile changes.

import type { AppStatus } from './api/bindings/AppStatus';
import type { BusinessProfile } from './api/bindings/BusinessProfile';

class Desk {
	/** Null until `app_status` has answered. */
	status = $state<AppStatus | null>(null);

	/** The shop's profile, once set up. */
	get profile(): BusinessProfile | null {
		return this.status?.profile ?? null;
	}

	/** Records a newly saved profile, so the navigation and forms show it. */
	profileSaved(profile: BusinessProfile): void {
		if (this.status) this.status.profile = profile;
	}
}

export const desk = new Desk();
