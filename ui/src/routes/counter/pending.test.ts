import { describe, expect, it } from 'vitest';
import {
	PendingSales,
	failureOf,
	pendingKey,
	shortKey,
	type PendingSale,
	type SaleStorage
} from './pending';

/** localStorage as the WebView keeps it: text by key, surviving a reload of the page. */
class FakeStorage implements SaleStorage {
	readonly items = new Map<string, string>();
	refuseWrites = false;

	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}

	setItem(key: string, value: string): void {
		if (this.refuseWrites)
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.items.set(key, value);
	}

	removeItem(key: string): void {
		this.items.delete(key);
	}
}

/** A fresh module instance over the same storage, as after the app restarted. */
function reloaded(storage: SaleStorage): PendingSales {
	return new PendingSales(() => storage);
}

function sale(key: string, amount = '12,50'): PendingSale {
	return {
		input: {
			idempotencyKey: key,
			code: 'BAKERY-7K2Q-X9A',
			sale: amount,
			newCustomer: true,
			note: 'birthday',
			confirmedLarge: false
		},
		partnerName: 'Bakery Nord',
		at: '2026-11-24T10:05:00.000Z'
	};
}

const keyA = '0f9c2a6e-5d1b-4c3e-9a7f-1b2c3d4e5f60';
const keyB = '7b1d9e44-2c3a-4f5e-8d6c-0a1b2c3d4e5f';
const busy = { code: 'store_busy', message: 'The database is busy.', field: null };

describe('a sale kept while it is sent', () => {
	it('survives a reload: a new instance reads the same sale, key, amount and time', () => {
		const storage = new FakeStorage();
		reloaded(storage).keep(sale(keyA));
		expect(reloaded(storage).list()).toEqual([sale(keyA)]);
		expect(JSON.parse(storage.getItem(pendingKey) ?? '')).toEqual([sale(keyA)]);
	});

	it('keeps one entry per key, the latest send replacing the earlier one', () => {
		const pending = reloaded(new FakeStorage());
		pending.keep(sale(keyA, '12,50'));
		pending.keep(sale(keyB));
		pending.keep(sale(keyA, '13,00'));
		expect(pending.list().map((s) => [s.input.idempotencyKey, s.input.sale])).toEqual([
			[keyB, '12,50'],
			[keyA, '13,00']
		]);
	});

	it('is forgotten when the core logged it, or answered with the one logged before', () => {
		const storage = new FakeStorage();
		reloaded(storage).keep(sale(keyA));
		reloaded(storage).keep(sale(keyB));
		reloaded(storage).settle(keyA, null);
		expect(reloaded(storage).list()).toEqual([sale(keyB)]);
		reloaded(storage).settle(keyB, null);
		expect(reloaded(storage).list()).toEqual([]);
		expect(storage.items.has(pendingKey)).toBe(false);
	});

	it('is forgotten when the core refused the input: nothing was written', () => {
		const pending = reloaded(new FakeStorage());
		for (const refusal of [
			{ code: 'invalid_input', message: 'Type the sale amount.', field: 'sale' },
			{ code: 'attempt_key_reused', message: 'Key used for another sale.', field: null },
			{ code: 'code_not_found', message: 'No such code.', field: null }
		]) {
			pending.keep(sale(keyA));
			const failure = failureOf(refusal);
			expect(failure.kind).toBe('refused');
			pending.settle(keyA, failure);
			expect(pending.list()).toEqual([]);
		}
	});

	it('is kept when the store is busy, so the next start can retry it with the same key', () => {
		const storage = new FakeStorage();
		reloaded(storage).keep(sale(keyA));
		const failure = failureOf(busy);
		expect(failure).toEqual({ kind: 'unsure', error: busy });
		reloaded(storage).settle(keyA, failure);
		expect(reloaded(storage).list()).toEqual([sale(keyA)]);
	});

	it('is kept on every failure that is not a definite answer', () => {
		const pending = reloaded(new FakeStorage());
		pending.keep(sale(keyA));
		for (const thrown of [
			{ code: 'store_unavailable', message: 'The data folder is gone.', field: null },
			{ code: 'store_damaged', message: 'The file is damaged.', field: null },
			{ code: 'internal', message: 'Disk full.', field: null },
			{ code: 'forbidden', message: 'The till was locked.', field: null },
			new Error('IPC channel closed'),
			'window is closing',
			undefined
		]) {
			const failure = failureOf(thrown);
			expect(failure.kind, JSON.stringify(thrown)).toBe('unsure');
			pending.settle(keyA, failure);
			expect(pending.list()).toEqual([sale(keyA)]);
		}
	});

	it('ignores corrupt or foreign text in storage, and writes over it safely', () => {
		for (const text of ['{not json', 'null', '"a string"', '{"input":1}', '[1, null, {"at": 3}]']) {
			const storage = new FakeStorage();
			storage.setItem(pendingKey, text);
			const pending = reloaded(storage);
			expect(pending.list(), text).toEqual([]);
			pending.keep(sale(keyA));
			expect(reloaded(storage).list()).toEqual([sale(keyA)]);
		}
	});

	it('skips a damaged entry and keeps the readable ones', () => {
		const storage = new FakeStorage();
		const damaged = { ...sale(keyB), input: { ...sale(keyB).input, sale: 12.5 } };
		storage.setItem(pendingKey, JSON.stringify([damaged, sale(keyA)]));
		expect(reloaded(storage).list()).toEqual([sale(keyA)]);
	});

	it('never throws when storage is missing or refuses to write', () => {
		const storage = new FakeStorage();
		storage.refuseWrites = true;
		const full = reloaded(storage);
		expect(() => full.keep(sale(keyA))).not.toThrow();
		expect(full.list()).toEqual([]);

		const missing = new PendingSales(() => null);
		expect(() => missing.keep(sale(keyA))).not.toThrow();
		expect(missing.list()).toEqual([]);

		const forbidden = new PendingSales(() => {
			throw new DOMException('Access denied.', 'SecurityError');
		});
		expect(() => forbidden.keep(sale(keyA))).not.toThrow();
		expect(() => forbidden.forget(keyA)).not.toThrow();
		expect(forbidden.list()).toEqual([]);
	});

	it('hands out copies, so changing one never changes what is stored', () => {
		const pending = reloaded(new FakeStorage());
		pending.keep(sale(keyA));
		pending.list()[0].input.sale = '99,00';
		expect(pending.list()[0].input.sale).toBe('12,50');
	});
});

describe('the key on screen', () => {
	it('is the first block of the UUID', () => {
		expect(shortKey(keyA)).toBe('0f9c2a6e');
		expect(shortKey('abc')).toBe('abc');
	});
});
