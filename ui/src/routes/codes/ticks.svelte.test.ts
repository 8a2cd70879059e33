import { describe, expect, it } from 'vitest';
import type { CodeQuery } from '$lib/api/bindings/CodeQuery';
import type { ReferralCode } from '$lib/api/bindings/ReferralCode';
import { Ticks } from './ticks.svelte';

function code(id: number, over: Partial<ReferralCode> = {}): ReferralCode {
	return {
		id,
		partnerId: 3,
		code: `7K2QX${id}A`,
		printed: `CRUMB-7K2Q-X${id}A`,
		prefix: 'CRUMB',
		batch: 'b1',
		validFrom: null,
		validUntil: null,
		redemptionLimit: 1,
		note: '',
		enabled: true,
		createdAt: '2026-11-24T10:00:00Z',
		updatedAt: '2026-11-24T10:00:00Z',
		uses: 0,
		campaignId: null,
		...over
	};
}

const all: CodeQuery = { search: '', status: 'all', uses: 'all', batch: null };
const b1: CodeQuery = { ...all, batch: 'b1' };

describe('ticked codes', () => {
	it('ticks codes one by one and sends their ids, oldest first', () => {
		const ticks = new Ticks(3);
		ticks.toggle(code(9));
		ticks.toggle(code(4));
		ticks.toggle(code(7));
		ticks.toggle(code(9));
		expect(ticks.count).toBe(2);
		expect(ticks.selection()).toEqual({ ids: [4, 7], matching: null });
	});

	it('select all ticks every matching code, loaded or not, and sends the query', () => {
		const ticks = new Ticks(3);
		ticks.tickEvery(b1, 100_000);
		expect(ticks.hasEvery(b1)).toBe(true);
		expect(ticks.has(code(5))).toBe(true);
		expect(ticks.has(code(6, { batch: 'b2' }))).toBe(false);
		expect(ticks.count).toBe(100_000);
		expect(ticks.selection()).toEqual({
			ids: [],
			matching: { partnerId: 3, query: b1, except: [] }
		});
	});

	it('unticking a code under select all leaves it out, and ticking it again brings it back', () => {
		const ticks = new Ticks(3);
		ticks.tickEvery(b1, 500);
		ticks.toggle(code(5));
		expect(ticks.has(code(5))).toBe(false);
		expect(ticks.hasEvery(b1)).toBe(false);
		expect(ticks.count).toBe(499);
		expect(ticks.selection().matching?.except).toEqual([5]);
		ticks.toggle(code(5));
		expect(ticks.count).toBe(500);
		expect(ticks.hasEvery(b1)).toBe(true);
	});

	it('a code ticked under other filters stays ticked beside select all, counted once', () => {
		const ticks = new Ticks(3);
		const other = code(2, { batch: 'b2' });
		const inB1 = code(8);
		ticks.toggle(other);
		ticks.toggle(inB1);
		ticks.tickEvery(b1, 10);
		// The b1 code picked by hand is one of the ten now.
		expect(ticks.count).toBe(11);
		expect(ticks.selection()).toEqual({
			ids: [2],
			matching: { partnerId: 3, query: b1, except: [] }
		});
	});

	it('unticking all clears select all and the loaded codes it keeps, not the others', () => {
		const ticks = new Ticks(3);
		const other = code(2, { batch: 'b2' });
		ticks.toggle(other);
		ticks.toggle(code(5));
		ticks.untickEvery(b1, [code(5), code(6)]);
		expect(ticks.selection()).toEqual({ ids: [2], matching: null });
		ticks.tickEvery(b1, 10);
		ticks.untickEvery(b1, []);
		expect(ticks.count).toBe(1);
	});

	it('a reload recounts select all for the same filters only', () => {
		const ticks = new Ticks(3);
		ticks.tickEvery(b1, 10);
		ticks.recount(all, 50);
		expect(ticks.count).toBe(10);
		ticks.recount({ ...b1, search: ' ' }, 12);
		expect(ticks.count).toBe(12);
	});
});
