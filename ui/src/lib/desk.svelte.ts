// What the whole window shares: the status read at start, kept current as the profile, the
// session and the idle time change, and read anew after a restore.

import { status as readStatus } from './api/app';
import { setShopZone } from './format';
import type { AppStatus } from './api/bindings/AppStatus';
import type { BusinessProfile } from './api/bindings/BusinessProfile';
import type { SaleLimitsView } from './api/bindings/SaleLimitsView';
import type { SessionView } from './api/bindings/SessionView';

class Desk {
	#status = $state<AppStatus | null>(null);

	/** Null until `app_status` has answered. */
	get status(): AppStatus | null {
		return this.#status;
	}

	/** A status read anew: times and "today" follow the shop's zone it names. */
	set status(status: AppStatus | null) {
		this.#status = status;
		setShopZone(status?.timeZone);
	}
	/** When the backup the window was just restored from was taken; the lock screen says so
	 * until someone signs in. */
	restoredFrom = $state<string | null>(null);

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
		if (!this.status) return;
		this.status.profile = profile;
		// A zone chosen in the profile is the shop's from now on (the core moved its day too).
		if (profile.timeZone) {
			this.status.timeZone = profile.timeZone;
			setShopZone(profile.timeZone);
		}
	}

	/** Records a sign-in: the window shows what this person may reach. */
	signedIn(session: SessionView): void {
		if (!this.status) return;
		this.status.session = session;
		this.restoredFrom = null;
		// Signing in means an owner exists, whether it was just created or recovered.
		this.status.needsOwner = false;
	}

	/** Records the lock: the window shows the lock screen. */
	locked(): void {
		if (this.status) this.status.session = null;
	}

	/**
	 * Records a restore of the backup taken at `takenAt`. The shell now runs on the backup's
	 * file with nobody signed in (the people are the backup's), so the status is read anew:
	 * the window shows the lock screen, which says what happened.
	 */
	async restored(takenAt: string): Promise<void> {
		this.restoredFrom = takenAt;
		try {
			this.status = await readStatus();
		} catch {
			// The restore itself is done: the lock screen shows all the same, and reads the names
			// from the restored file.
			this.locked();
		}
	}

	/** Records a new idle time, which the running idle timer picks up. */
	idleLockSet(minutes: number): void {
		if (this.status) this.status.idleLockMinutes = minutes;
	}

	/** Records the sale limits the owner saved: the counter reads them from here. */
	saleLimitsSet(limits: SaleLimitsView): void {
		if (this.status) this.status.saleLimits = limits;
	}
}

export const desk = new Desk();
