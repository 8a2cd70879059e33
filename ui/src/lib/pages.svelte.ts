// A list the core answers a page at a time (a partner's 100,000 codes): the first page for
// the current filters, then more on request. Only the latest filters' answers are kept: a
// slow first page for "7K" arriving after the one for "7K2" must not replace it, nor may a
// "show more" started before the filters changed append rows from the old ones.

import { toApiError } from '$lib/api';

/** One page as the core answers it: rows, where the next starts, and the counts. */
export type Page<T, K> = { rows: T[]; next: K | null; matching: number; total: number };

export class Pages<T, K> {
	/** The rows loaded so far; null before the first page arrives. */
	rows = $state<T[] | null>(null);
	/** Where the next page starts; null when every matching row is loaded. */
	next = $state<K | null>(null);
	/** Rows matching the filters, loaded or not. */
	matching = $state(0);
	/** Rows whatever the filters. */
	total = $state(0);
	/** Why the latest load failed, in the core's words. */
	failure = $state<string | null>(null);
	/** A next page is on its way. */
	loadingMore = $state(false);

	#request = 0;
	#fetch: ((after: K | null) => Promise<Page<T, K>>) | null = null;

	/** Loads the first page with `fetch`, which later pages reuse. */
	async first(fetch: (after: K | null) => Promise<Page<T, K>>): Promise<void> {
		this.#fetch = fetch;
		const mine = ++this.#request;
		this.loadingMore = false;
		try {
			const page = await fetch(null);
			if (mine !== this.#request) return;
			this.rows = page.rows;
			this.#counts(page);
		} catch (err) {
			if (mine === this.#request) this.failure = toApiError(err).message;
		}
	}

	/** Appends the next page, if there is one and none is on its way. */
	async more(): Promise<void> {
		const fetch = this.#fetch;
		if (!fetch || this.next === null || this.loadingMore) return;
		const mine = this.#request;
		this.loadingMore = true;
		try {
			const page = await fetch(this.next);
			if (mine !== this.#request) return;
			this.rows = [...(this.rows ?? []), ...page.rows];
			this.#counts(page);
		} catch (err) {
			if (mine === this.#request) this.failure = toApiError(err).message;
		} finally {
			if (mine === this.#request) this.loadingMore = false;
		}
	}

	/** Loads the first page again: "Try again", or after a change was saved. */
	async again(): Promise<void> {
		if (this.#fetch) await this.first(this.#fetch);
	}

	#counts(page: Page<T, K>): void {
		this.next = page.next;
		this.matching = page.matching;
		this.total = page.total;
		this.failure = null;
	}
}
