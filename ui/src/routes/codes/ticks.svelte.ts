// Which codes are ticked on the Codes screen. A partner may have 100,000 codes and the page
// holds a few hundred, so "select all" ticks a query, not ids: every code it keeps, bar those
// unticked since. Codes ticked one by one beside it are kept by id. The core resolves both
// when switching or printing.

import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { CodeQuery } from '$lib/api/bindings/CodeQuery';
import type { CodeSelection } from '$lib/api/bindings/CodeSelection';
import type { PartnerId } from '$lib/api/bindings/PartnerId';
import type { ReferralCode } from '$lib/api/bindings/ReferralCode';
import { keeps, sameQuery } from './codes';

export class Ticks {
	/** "Every code matching": the query and how many it kept when ticked. */
	every = $state<{ query: CodeQuery; matching: number } | null>(null);
	/** Codes "every" keeps that were unticked since. */
	readonly except = new SvelteSet<number>();
	/** Codes ticked one by one that "every" does not keep. */
	readonly picked = new SvelteMap<number, ReferralCode>();

	constructor(readonly partnerId: PartnerId) {}

	/** How many codes are ticked. */
	get count(): number {
		return (this.every ? this.every.matching - this.except.size : 0) + this.picked.size;
	}

	#inEvery(code: ReferralCode): boolean {
		return this.every !== null && keeps(code, this.every.query);
	}

	has(code: ReferralCode): boolean {
		if (this.picked.has(code.id)) return true;
		return this.#inEvery(code) && !this.except.has(code.id);
	}

	toggle(code: ReferralCode): void {
		const on = !this.has(code);
		if (this.#inEvery(code)) {
			if (on) this.except.delete(code.id);
			else this.except.add(code.id);
			this.picked.delete(code.id);
		} else if (on) this.picked.set(code.id, code);
		else this.picked.delete(code.id);
	}

	/** True when every code `query` keeps is ticked. */
	hasEvery(query: CodeQuery): boolean {
		return this.every !== null && sameQuery(this.every.query, query) && this.except.size === 0;
	}

	/**
	 * Ticks every code `query` keeps (`matching` of them). An earlier "every" under other
	 * filters is replaced: one query is all the selection holds. Codes picked one by one
	 * that `query` keeps are now part of it.
	 */
	tickEvery(query: CodeQuery, matching: number): void {
		this.every = { query, matching };
		this.except.clear();
		for (const [id, code] of this.picked) if (keeps(code, query)) this.picked.delete(id);
	}

	/** Unticks every code `query` keeps, and those among `shown` it keeps. */
	untickEvery(query: CodeQuery, shown: readonly ReferralCode[]): void {
		if (this.every && sameQuery(this.every.query, query)) {
			this.every = null;
			this.except.clear();
		}
		for (const code of shown) if (keeps(code, query)) this.toggleOff(code);
		for (const [id, code] of this.picked) if (keeps(code, query)) this.picked.delete(id);
	}

	private toggleOff(code: ReferralCode): void {
		if (this.has(code)) this.toggle(code);
	}

	/** "Every" kept `matching` codes when last counted (the list reloaded). */
	recount(query: CodeQuery, matching: number): void {
		if (this.every && sameQuery(this.every.query, query)) this.every.matching = matching;
	}

	clear(): void {
		this.every = null;
		this.except.clear();
		this.picked.clear();
	}

	/** The ticked codes as the core takes them. */
	selection(): CodeSelection {
		return {
			ids: [...this.picked.keys()].sort((a, b) => a - b),
			matching: this.every
				? {
						partnerId: this.partnerId,
						query: this.every.query,
						except: [...this.except].sort((a, b) => a - b)
					}
				: null
		};
	}
}
