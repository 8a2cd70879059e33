// Sales on their way to the core, kept in the WebView's localStorage until the core gives a
// definite answer. The till writes a sale here before it calls `log_redemption`, so a crash or
// a power cut between Enter and the answer cannot lose it silently: the next start shows it,
// and a retry with the same idempotency key either logs it once or answers with the saved one.
// The write is synchronous on purpose: it adds no await between Enter and the call.

import { toApiError, type ApiError } from '$lib/api/ipc';
import type { ErrorCode } from '$lib/api/bindings/ErrorCode';
import type { RedemptionInput } from '$lib/api/bindings/RedemptionInput';

/** The one localStorage key; it holds a JSON list, oldest first. */
export const pendingKey = 'partnerdesk.counter.pendingSale';

/** One log attempt as it was sent: the input (its key included), whose code, and when. */
export type PendingSale = {
	input: RedemptionInput;
	/** As the valid lookup named it; empty when unknown. */
	partnerName: string;
	/** When it was sent, an ISO 8601 instant. */
	at: string;
};

/** The part of `Storage` used here, so tests can hand in a fake. */
export type SaleStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * A rejected log call, sorted. `refused`: the core looked at the input and said no, nothing
 * was written, and the same input would get the same answer. `unsure`: anything else (a busy
 * or missing store, an internal error, a broken IPC call, a signed-out session); the sale may
 * or may not have been saved, so it is kept for a retry with the same key.
 */
export type LogFailure = { kind: 'refused' | 'unsure'; error: ApiError };

// The codes that mean "this input is refused". Everything not listed is unsure, so a code the
// shell adds later keeps the sale rather than dropping it.
const refusals: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
	'invalid_input',
	'attempt_key_reused',
	'code_not_found'
]);

/** Sorts what `log_redemption` rejected with. */
export function failureOf(thrown: unknown): LogFailure {
	const error = toApiError(thrown);
	const refused = error.field !== null || refusals.has(error.code);
	return { kind: refused ? 'refused' : 'unsure', error };
}

/** The first block of the key, enough for staff to tell two sales apart on screen. */
export function shortKey(key: string): string {
	return key.split('-')[0].slice(0, 8);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isInput(value: unknown): value is RedemptionInput {
	return (
		isRecord(value) &&
		typeof value.idempotencyKey === 'string' &&
		value.idempotencyKey !== '' &&
		typeof value.code === 'string' &&
		typeof value.sale === 'string' &&
		typeof value.newCustomer === 'boolean' &&
		typeof value.note === 'string'
	);
}

function isPendingSale(value: unknown): value is PendingSale {
	return (
		isRecord(value) &&
		isInput(value.input) &&
		typeof value.partnerName === 'string' &&
		typeof value.at === 'string'
	);
}

/** Reads and writes the kept sales; every storage failure is swallowed (see each method). */
export class PendingSales {
	/** `storage` is asked each time: reaching localStorage can itself throw. */
	constructor(private readonly storage: () => SaleStorage | null) {}

	/** Every sale kept, oldest first. Unreadable text or entries are skipped, never thrown. */
	list(): PendingSale[] {
		let text: string | null;
		try {
			text = this.storage()?.getItem(pendingKey) ?? null;
		} catch {
			return [];
		}
		if (text === null) return [];
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return [];
		}
		if (!Array.isArray(parsed)) return [];
		// Copies, so a caller changing one never changes what is stored.
		return parsed.filter(isPendingSale).map((sale) => ({ ...sale, input: { ...sale.input } }));
	}

	/** Keeps `sale` before it is sent, replacing any kept sale with the same key. */
	keep(sale: PendingSale): void {
		const key = sale.input.idempotencyKey;
		this.#write([...this.list().filter((s) => s.input.idempotencyKey !== key), sale]);
	}

	/** Forgets the sale with this key (the core answered, or staff discarded it). */
	forget(key: string): void {
		const before = this.list();
		const after = before.filter((s) => s.input.idempotencyKey !== key);
		if (after.length !== before.length) this.#write(after);
	}

	/**
	 * After the call for `key` settled: `null` when it resolved (logged, logged before with this
	 * key, or refused with the lookup's outcome). A definite answer forgets the sale; an unsure
	 * failure keeps it.
	 */
	settle(key: string, failure: LogFailure | null): void {
		if (failure?.kind !== 'unsure') this.forget(key);
	}

	#write(sales: PendingSale[]): void {
		try {
			const storage = this.storage();
			if (!storage) return;
			if (sales.length === 0) storage.removeItem(pendingKey);
			else storage.setItem(pendingKey, JSON.stringify(sales));
		} catch {
			// A full or refused storage must not stop the sale: it still goes out, and a failure
			// still stays on screen; only surviving a crash is lost.
		}
	}
}

function browserStorage(): SaleStorage | null {
	return typeof localStorage === 'undefined' ? null : localStorage;
}

/** The till's kept sales, in this WebView's localStorage. */
export const pendingSales = new PendingSales(browserStorage);
