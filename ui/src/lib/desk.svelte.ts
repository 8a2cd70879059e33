// What the whole window shares: the status read at start, kept current as the profile, the
// session and the idle time change.

import type { AppStatus } from './api/bindings/AppStatus';
import type { BusinessProfile } from './api/bindings/BusinessProfile';
import type { SessionView } from './api/bindings/SessionView';

class Desk {
	/** Null until `app_status` has answered. */
	status = $state<AppStatus | null>(null);

	/** The shop's profile, once set up. */
	get profile(): BusinessProfile | null {
		return this.status?.profile ?? null;
	}

	/** Who is signed in; null while the window is locked. */
	get session(): SessionView | null {
		return this.status?.session ?? null;
	}

	/** True when the signed-in person reaches the owner's screens and actions (voids too):
	 * an owner, on a window that is not a dedicated till. The shell says so in the session. */
	get ownerWindow(): boolean {
		return !!this.session && !this.session.counterOnly;
	}

	/** Records a newly saved profile, so the navigation and forms show it. */
	profileSaved(profile: BusinessProfile): void {
		if (this.status) this.status.profile = profile;
	}

	/** Records a sign-in: the window shows what this person may reach. */
	signedIn(session: SessionView): void {
		if (!this.status) return;
		this.status.session = session;
		// Signing in means an owner exists, whether it was just created or recovered.
		this.status.needsOwner = false;
	}

	/** Records the lock: the window shows the lock screen. */
	locked(): void {
		if (this.status) this.status.session = null;
	}

	/** Records a new idle time, which the running idle timer picks up. */
	idleLockSet(minutes: number): void {
		if (this.status) this.status.idleLockMinutes = minutes;
	}
}

export const desk = new Desk();
