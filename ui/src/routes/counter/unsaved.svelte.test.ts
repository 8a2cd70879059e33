import { describe, expect, it } from 'vitest';
import type { LogOutcome } from '$lib/api/bindings/LogOutcome';
import type { RedemptionInput } from '$lib/api/bindings/RedemptionInput';
import type { RedemptionView } from '$lib/api/bindings/RedemptionView';
import { PendingSales, type PendingSale } from './pending';
import { UnsavedSales, retriedView } from './unsaved.svelte';

const locale = 'en-IE';
const keyA = '0f9c2a6e-5d1b-4c3e-9a7f-1b2c3d4e5f60';
const keyB = '7b1d9e44-2c3a-4f5e-8d6c-0a1b2c3d4e5f';

function sale(key: string): PendingSale {
	return {
		input: {
			idempotencyKey: key,
			code: 'BAKERY-7K2Q-X9A',
			sale: '12,50',
			newCustomer: false,
			note: '',
			confirmedLarge: false
		},
		partnerName: 'Bakery Nord',
		at: '2026-11-24T10:05:00.000Z'
	};
}

const redemption: RedemptionView = {
	id: 42,
	code: 'BAKERY-7K2Q-X9A',
	partnerId: 3,
	partnerName: 'Bakery Nord',
	agreementVersion: 1,
	redeemedAt: '2026-11-24T10:05:00Z',
	sale: '€12.50',
	discount: '€1.25',
	pays: '€11.25',
	commission: '',
	offerApplied: true,
	noOffer: null,
	newCustomer: false,
	note: '',
	till: 'Front till',
	loggedBy: 'Ana',
	void: null
};

const busy = { code: 'store_busy', message: 'The database is busy.', field: null };

/** A core that logs each key once, like `log_redemption`, or fails while `failing` is set. */
function fakeCore() {
	const logged = new Map<string, RedemptionView>();
	const sent: RedemptionInput[] = [];
	const core = {
		failing: null as unknown,
		sent,
		logged,
		async send(input: RedemptionInput): Promise<LogOutcome> {
			sent.push(input);
			if (core.failing) throw core.failing;
			const before = logged.get(input.idempotencyKey);
			if (before) return { kind: 'logged', redemption: before, replayed: true };
			const made = { ...redemption, id: 41 + sent.length };
			logged.set(input.idempotencyKey, made);
			return { kind: 'logged', redemption: made, replayed: false };
		}
	};
	return core;
}

function memoryPending(): PendingSales {
	const items = new Map<string, string>();
	return new PendingSales(() => ({
		getItem: (k) => items.get(k) ?? null,
		setItem: (k, v) => void items.set(k, v),
		removeItem: (k) => void items.delete(k)
	}));
}

describe('unsaved sales', () => {
	it('shows what storage kept at start, once per start of the app', () => {
		const pending = memoryPending();
		pending.keep(sale(keyA));
		const list = new UnsavedSales(pending, fakeCore().send);
		list.restore();
		list.restore();
		expect(list.sales).toEqual([
			{ sale: sale(keyA), restored: true, error: null, retrying: false }
		]);
	});

	it("adds the shell's journal to what storage kept, each key once", () => {
		const pending = memoryPending();
		pending.keep(sale(keyA));
		const list = new UnsavedSales(pending, fakeCore().send);
		// The app died before the page's storage reached the disk: only the journal has B.
		list.restore([
			{ input: sale(keyA).input, sentAt: '2026-11-24T10:05:00Z' },
			{ input: sale(keyB).input, sentAt: '2026-11-24T10:06:00Z' }
		]);
		expect(list.sales.map((s) => [s.sale.input.idempotencyKey, s.restored])).toEqual([
			[keyA, true],
			[keyB, true]
		]);
		expect(list.sales[1].sale.at).toBe('2026-11-24T10:06:00Z');
	});

	it("discarding a sale drops it from the shell's journal too", () => {
		const forgotten: string[] = [];
		const list = new UnsavedSales(memoryPending(), fakeCore().send, async (key) => {
			forgotten.push(key);
		});
		list.failed(sale(keyA), busy.message);
		expect(list.discard(keyA)).toBe(true);
		expect(forgotten).toEqual([keyA]);
		expect(list.sales).toEqual([]);
	});

	it('keeps a failed sale on screen until staff act, whatever comes next', () => {
		const list = new UnsavedSales(memoryPending(), fakeCore().send);
		list.failed(sale(keyA), busy.message);
		list.failed(sale(keyB), busy.message);
		list.clearRetried();
		expect(list.sales.map((s) => [s.sale.input.idempotencyKey, s.error])).toEqual([
			[keyA, busy.message],
			[keyB, busy.message]
		]);
	});

	it('retries with the same input and key, and says it was already saved when it was', async () => {
		const pending = memoryPending();
		const core = fakeCore();
		// The first send reached the core, but its answer was lost with the app.
		await core.send(sale(keyA).input);
		pending.keep(sale(keyA));
		const list = new UnsavedSales(pending, core.send);
		list.restore();

		const retried = await list.retry(keyA);
		expect(core.sent).toEqual([sale(keyA).input, sale(keyA).input]);
		expect(core.logged.size).toBe(1);
		expect(list.sales).toEqual([]);
		expect(pending.list()).toEqual([]);
		expect(retried && retriedView(retried, locale)).toEqual({
			tone: 'good',
			lead: 'It was already saved.',
			text: 'Logged No. 42 — give €1.25 off (customer pays €11.25), counted once.'
		});
		expect(list.retried).toEqual([retried]);
		list.clearRetried();
		expect(list.retried).toEqual([]);
	});

	it('says a retry saved it now when the first send never arrived', async () => {
		const core = fakeCore();
		const list = new UnsavedSales(memoryPending(), core.send);
		list.failed(sale(keyA), busy.message);
		const retried = await list.retry(keyA);
		expect(retried && retriedView(retried, locale)).toMatchObject({ lead: 'Saved now.' });
	});

	it('stays, with the new reason, when the retry fails again; a repeat click sends once', async () => {
		const pending = memoryPending();
		const core = fakeCore();
		core.failing = busy;
		const list = new UnsavedSales(pending, core.send);
		list.failed(sale(keyA), 'Disk full.');
		const first = list.retry(keyA);
		expect(list.sales[0].retrying).toBe(true);
		// While the retry is out, neither a second send nor a discard happens.
		const second = list.retry(keyA);
		expect(list.discard(keyA)).toBe(false);
		expect(await second).toBeNull();
		expect(await first).toBeNull();
		expect(core.sent).toHaveLength(1);
		expect(list.sales).toEqual([
			{ sale: sale(keyA), restored: false, error: busy.message, retrying: false }
		]);
		expect(pending.list()).toEqual([sale(keyA)]);
	});

	it('leaves the list on a refusal and says so', async () => {
		const pending = memoryPending();
		const list = new UnsavedSales(pending, async () => ({
			kind: 'refused',
			outcome: { kind: 'disabled', code: 'BAKERY-7K2Q-X9A', partnerName: 'Bakery Nord' }
		}));
		list.failed(sale(keyA), busy.message);
		const retried = await list.retry(keyA);
		expect(list.sales).toEqual([]);
		expect(pending.list()).toEqual([]);
		expect(retried && retriedView(retried, locale)).toEqual({
			tone: 'bad',
			lead: 'Not logged.',
			text: 'DISABLED: The owner switched this code off.'
		});
	});

	it('discards for good: gone from the screen and from storage', () => {
		const pending = memoryPending();
		pending.keep(sale(keyA));
		const list = new UnsavedSales(pending, fakeCore().send);
		list.failed(sale(keyA), busy.message);
		expect(list.discard(keyA)).toBe(true);
		expect(list.sales).toEqual([]);
		expect(pending.list()).toEqual([]);
	});
});
