// What a view shows, loaded as it opens and again whenever what it is about changes (a money
// panel's period or partner). Only the latest load's answer is kept: a slow answer for a
// period the owner has already left arrives after the newer one and must not replace it.

import { toApiError } from '$lib/api';

export class Latest<T> {
	/** The latest answer; null before the first arrives, or after `clear`. */
	value = $state<T | null>(null);
	/** Why the latest load failed, in the core's words; null when it did not. */
	failure = $state<string | null>(null);

	#request = 0;
	#work: (() => Promise<T>) | null = null;

	/** Loads with `work`; an earlier load still under way is dropped when it answers. */
	async load(work: () => Promise<T>): Promise<void> {
		this.#work = work;
		const mine = ++this.#request;
		try {
			const answer = await work();
			if (mine !== this.#request) return;
			this.value = answer;
			this.failure = null;
		} catch (err) {
			if (mine === this.#request) this.failure = toApiError(err).message;
		}
	}

	/** Loads again what was last asked for: "Try again", or after a change was saved. */
	async again(): Promise<void> {
		if (this.#work) await this.load(this.#work);
	}

	/** Shows nothing (nothing is chosen) and drops any load still under way. */
	clear(): void {
		this.#request++;
		this.#work = null;
		this.value = null;
		this.failure = null;
	}
}
