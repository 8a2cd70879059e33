import { describe, expect, it } from 'vitest';
import type { ReferralCode } from '$lib/api/bindings/ReferralCode';
import {
	batchLabels,
	filterCodes,
	limitText,
	outcomeText,
	validityText,
	type CodeFilters
} from './codes';

function code(over: Partial<ReferralCode>): ReferralCode {
	return {
		id: 1,
		partnerId: 3,
		code: '7K2QX9A',
		printed: 'CRUMB-7K2Q-X9A',
		prefix: 'CRUMB',
		batch: null,
		validFrom: null,
		validUntil: null,
		redemptionLimit: 1,
		note: '',
		enabled: true,
		createdAt: '2026-11-24T10:00:00Z',
		updatedAt: '2026-11-24T10:00:00Z',
		...over
	};
}

const all: CodeFilters = { status: 'all', search: '', batch: '' };

describe('codes screen', () => {
	it('says the limit in words', () => {
		expect(limitText(1)).toBe('single use');
		expect(limitText(5)).toBe('5 uses');
		expect(limitText(null)).toBe('unlimited');
	});

	it('says the validity window in words', () => {
		expect(validityText(code({}), 'en-IE')).toBe('always');
		expect(validityText(code({ validFrom: '2026-12-01' }), 'en-IE')).toBe('from 1 December 2026');
		expect(validityText(code({ validUntil: '2027-01-31' }), 'en-IE')).toBe('until 31 January 2027');
		expect(validityText(code({ validFrom: '2026-12-01', validUntil: '2027-01-31' }), 'en-IE')).toBe(
			'1 December 2026 – 31 January 2027'
		);
	});

	it('filters by status, batch and code text ignoring dashes, spaces and case', () => {
		const a = code({ id: 1, printed: 'CRUMB-7K2Q-X9A', batch: 'b1' });
		const b = code({ id: 2, printed: 'ABCD-EFG', enabled: false });
		const codes = [a, b];
		expect(filterCodes(codes, all)).toEqual([a, b]);
		expect(filterCodes(codes, { ...all, status: 'enabled' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, status: 'disabled' })).toEqual([b]);
		expect(filterCodes(codes, { ...all, search: '7k2q x9' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, batch: 'b1' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, search: 'zzz' })).toEqual([]);
	});

	it('lists each batch label once, newest first', () => {
		const codes = [code({ batch: 'b2' }), code({ batch: 'b2' }), code({}), code({ batch: 'b1' })];
		expect(batchLabels(codes)).toEqual(['b2', 'b1']);
	});

	it('says what the counter would say about a typed code', () => {
		expect(outcomeText({ kind: 'unknown' }, 'en-IE').tone).toBe('bad');
		expect(outcomeText({ kind: 'mistyped', suggestion: 'CRUMB-7K2Q-X9A' }, 'en-IE').text).toContain(
			'CRUMB-7K2Q-X9A'
		);
		expect(
			outcomeText(
				{
					kind: 'valid',
					codeId: 1,
					code: 'CRUMB-7K2Q-X9A',
					partnerId: 3,
					partnerName: 'Crumb & Co. Bakery',
					offer: '10 % off.'
				},
				'en-IE'
			)
		).toEqual({ tone: 'good', text: 'Valid: CRUMB-7K2Q-X9A from Crumb & Co. Bakery. 10 % off.' });
		expect(
			outcomeText({ kind: 'expired', code: 'X', partnerName: 'P', until: '2026-01-31' }, 'en-IE')
				.text
		).toContain('31 January 2026');
	});
});
