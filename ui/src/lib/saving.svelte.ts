// A file the owner is asked where to save (a PDF, a kit): busy while the core renders it,
// then where it went, that the dialog was cancelled, or why it failed. One place for what
// every "Print…" button otherwise keeps by hand.

import { toApiError } from '$lib/api';

export class Saving {
	busy = $state(false);
	/** Where the file went, after the last save. */
	saved = $state<string | null>(null);
	/** The owner closed the save dialog. */
	cancelled = $state(false);
	/** Why the last save failed, in the core's words. */
	failure = $state<string | null>(null);

	/** Runs `work` (which answers the saved path, or null when cancelled) unless one runs. */
	async run(work: () => Promise<string | null>): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.saved = null;
		this.cancelled = false;
		this.failure = null;
		try {
			const path = await work();
			if (path === null) this.cancelled = true;
			else this.saved = path;
		} catch (err) {
			this.failure = toApiError(err).message;
		} finally {
			this.busy = false;
		}
	}
}
