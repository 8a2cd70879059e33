// Sales the core may not have saved, until staff retry or discard them. Kept outside the page,
// like the lookups, so a failure that arrives after the owner left the counter is still there
// when they come back, and the list is read from storage only once per start of the app.

import * as api from '$lib/api';
import type { ApiError } from '$lib/api';
import type { LogOutcome } from '$lib/api/bindings/LogOutcome';
import type { RedemptionInput } from '$lib/api/bindings/RedemptionInput';
import type { UnsettledSale } from '$lib/api/bindings/UnsettledSale';
import { confirmation, outcomeView, plain } from './counter';
import { failureOf, pendingSales, type PendingSale, type PendingSales } from './pending';

export type UnsavedSale = {
	sale: PendingSale;
	/** Found in storage at start: the app stopped before the core answered. */
	restored: boolean;
	/** Why the last try failed; null for a restored sale not yet retried. */
	error: string | null;
	retrying: boolean;
};

/** What a retry ended with, once the core gave a definite answer. */
export type Retried = {
	key: string;
	code: string;
	answer: { kind: 'answered'; outcome: LogOutcome } | { kind: 'refused'; error: ApiError };
};

/** What the till says about a retry: whether it logged now or had been logged before. */
export function retriedView(
	retried: Retried,
	locale: string
): { tone: 'good' | 'bad'; lead: string; text: string } {
	const { answer } = retried;
	if (answer.kind === 'refused')
		return { tone: 'bad', lead: 'Not logged.', text: answer.error.message };
	const outcome = answer.outcome;
	if (outcome.kind === 'refused') {
		const view = outcomeView(outcome.outcome, locale);
		return { tone: 'bad', lead: 'Not logged.', text: `${view.title}: ${plain(view.detail)}` };
	}
	const logged = plain(confirmation(outcome.redemption));
	return outcome.replayed
		? { tone: 'good', lead: 'It was already saved.', text: `${logged}, counted once.` }
		: { tone: 'good', lead: 'Saved now.', text: `${logged}.` };
}

export class UnsavedSales {
	/** Oldest first. */
	sales = $state.raw<UnsavedSale[]>([]);
	/** Retries the core answered, shown until the next lookup. */
	retried = $state.raw<Retried[]>([]);
	#restored = false;

	constructor(
		private readonly pending: PendingSales,
		private readonly send: (input: RedemptionInput) => Promise<LogOutcome>,
		private readonly forgetInShell: (key: string) => Promise<void> = async () => {}
	) {}

	/**
	 * Shows the sales kept from before this start of the app: those in the page's storage and
	 * those the shell's journal on disk still holds (`fromShell`, from the app status: it has
	 * them even when the app died before the page's storage reached the disk). Each key once;
	 * later calls do nothing.
	 */
	restore(fromShell: UnsettledSale[] = []): void {
		if (this.#restored) return;
		this.#restored = true;
		const known = new Set(this.sales.map((s) => s.sale.input.idempotencyKey));
		const journal: PendingSale[] = fromShell.map((s) => ({
			input: s.input,
			partnerName: '',
			at: s.sentAt
		}));
		const found: UnsavedSale[] = [];
		for (const sale of [...this.pending.list(), ...journal]) {
			const key = sale.input.idempotencyKey;
			if (known.has(key)) continue;
			known.add(key);
			found.push({ sale, restored: true, error: null, retrying: false });
		}
		if (found.length > 0) this.sales = [...found, ...this.sales];
	}

	/** A sale whose log call failed unsure: shown until staff act on it. */
	failed(sale: PendingSale, message: string): void {
		const key = sale.input.idempotencyKey;
		const entry: UnsavedSale = { sale, restored: false, error: message, retrying: false };
		this.sales =
			this.#index(key) < 0
				? [...this.sales, entry]
				: this.sales.map((s) => (s.sale.input.idempotencyKey === key ? entry : s));
	}

	/**
	 * Sends the same input with the same key again. Resolves with the core's definite answer
	 * (the sale then leaves the list), or null when it failed again or was already on its way.
	 */
	async retry(key: string): Promise<Retried | null> {
		const entry = this.#find(key);
		if (!entry || entry.retrying) return null;
		this.#update(key, { retrying: true });
		// Kept again in case an earlier write was refused by the storage.
		this.pending.keep(entry.sale);
		let outcome: LogOutcome;
		try {
			outcome = await this.send(entry.sale.input);
		} catch (err) {
			const failure = failureOf(err);
			this.pending.settle(key, failure);
			if (failure.kind === 'unsure') {
				this.#update(key, { retrying: false, error: failure.error.message });
				return null;
			}
			return this.#resolve(entry, { kind: 'refused', error: failure.error });
		}
		this.pending.settle(key, null);
		return this.#resolve(entry, { kind: 'answered', outcome });
	}

	/** Drops the sale for good; not while its retry is on its way (the answer decides). */
	discard(key: string): boolean {
		const entry = this.#find(key);
		if (!entry || entry.retrying) return false;
		this.pending.forget(key);
		// The shell's journal too, or the next start would offer it again. A failure here
		// only means it is offered once more, to be discarded again.
		this.forgetInShell(key).catch(() => {});
		this.sales = this.sales.filter((s) => s !== entry);
		return true;
	}

	/** The next code is being looked up: what retries said has been seen. */
	clearRetried(): void {
		if (this.retried.length > 0) this.retried = [];
	}

	#resolve(entry: UnsavedSale, answer: Retried['answer']): Retried {
		const key = entry.sale.input.idempotencyKey;
		const retried: Retried = { key, code: entry.sale.input.code, answer };
		this.sales = this.sales.filter((s) => s.sale.input.idempotencyKey !== key);
		this.retried = [...this.retried.filter((r) => r.key !== key), retried];
		return retried;
	}

	#index(key: string): number {
		return this.sales.findIndex((s) => s.sale.input.idempotencyKey === key);
	}

	#find(key: string): UnsavedSale | undefined {
		return this.sales[this.#index(key)];
	}

	#update(key: string, change: Partial<UnsavedSale>): void {
		this.sales = this.sales.map((s) =>
			s.sale.input.idempotencyKey === key ? { ...s, ...change } : s
		);
	}
}

export const unsaved = new UnsavedSales(
	pendingSales,
	(input) => api.counter.log(input),
	(key) => api.counter.discardUnsaved(key)
);
