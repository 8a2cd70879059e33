import { afterEach, describe, expect, it } from 'vitest';
import * as api from '$lib/api';
import type { ReferralCode } from '$lib/api/bindings/ReferralCode';
import { fakeShell, refusalOf, removeFakeShell } from '$lib/api/testing';
import { placeError } from '$lib/form.svelte';
import type { CodeQuery } from '$lib/api/bindings/CodeQuery';
import {
	blankOptions,
	codeQuery,
	keeps,
	limitText,
	optionFields,
	outcomeText,
	sameQuery,
	shownText,
	usesText,
	validityText
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
		uses: 0,
		campaignId: null,
		...over
	};
}

const all: CodeQuery = { status: 'all', uses: 'all', search: '', batch: null };

function filterCodes(codes: ReferralCode[], query: CodeQuery): ReferralCode[] {
	return codes.filter((c) => keeps(c, query));
}

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

	it('says how much a code was used, and filters on it', () => {
		const fresh = code({ id: 1 });
		const spent = code({ id: 2, uses: 1 });
		const some = code({ id: 3, uses: 2, redemptionLimit: 5 });
		const open = code({ id: 4, uses: 3, redemptionLimit: null });
		expect([fresh, spent, some, open].map(usesText)).toEqual([
			'not used',
			'used up (1 of 1)',
			'2 of 5 used',
			'used 3 times'
		]);
		const codes = [fresh, spent, some, open];
		expect(filterCodes(codes, { ...all, uses: 'unused' })).toEqual([fresh]);
		expect(filterCodes(codes, { ...all, uses: 'used' })).toEqual([spent, some, open]);
		expect(filterCodes(codes, { ...all, uses: 'usedUp' })).toEqual([spent]);
	});

	it('says when and where a used-up code was last used', () => {
		const said = outcomeText(
			{
				kind: 'usedUp',
				code: 'CRUMB-7K2Q-X9A',
				partnerName: 'Crumb & Co.',
				uses: 1,
				limit: 1,
				lastUsedAt: '2026-11-24T10:05:00Z',
				lastTill: 'Front till'
			},
			'en-IE'
		);
		expect(said.tone).toBe('bad');
		expect(said.text).toContain('CRUMB-7K2Q-X9A (Crumb & Co.) is used up: last used');
		expect(said.text).toContain('at Front till.');
	});

	it('keeps by status, batch and code text ignoring dashes, spaces and case, as the core does', () => {
		const a = code({ id: 1, batch: 'b1' });
		const b = code({ id: 2, prefix: '', code: 'ABCDEFG', printed: 'ABCD-EFG', enabled: false });
		const codes = [a, b];
		expect(filterCodes(codes, all)).toEqual([a, b]);
		expect(filterCodes(codes, { ...all, status: 'enabled' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, status: 'disabled' })).toEqual([b]);
		expect(filterCodes(codes, { ...all, search: '7k2q x9' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, batch: 'b1' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, search: 'crumb7' })).toEqual([a]);
		expect(filterCodes(codes, { ...all, search: 'zzz' })).toEqual([]);
		// A card read with O for 0 and L for 1 finds its code, never its prefix.
		const c = code({ id: 3, prefix: 'CORNER', code: '10K2QX0', printed: 'CORNER-10K2-QX0' });
		expect(filterCodes([a, b, c], { ...all, search: 'lok2 qxo' })).toEqual([c]);
		expect(filterCodes([a, b, c], { ...all, search: 'corner' })).toEqual([c]);
	});

	it('sends the filters as the core reads them, a blank batch as all batches', () => {
		const q = codeQuery({ status: 'enabled', use: 'usedUp', search: ' 7k2 ', batch: '' });
		expect(q).toEqual({ status: 'enabled', uses: 'usedUp', search: '7k2', batch: null });
		expect(sameQuery(q, { ...q, search: '7-K2' })).toBe(true);
		expect(sameQuery(q, { ...q, batch: 'b1' })).toBe(false);
	});

	it('says how much of the list is shown', () => {
		expect(shownText(3, 3, 3, 'en-IE')).toBe('3 codes');
		expect(shownText(1, 1, 1, 'en-IE')).toBe('1 code');
		expect(shownText(2, 2, 5, 'en-IE')).toBe('2 of 5 codes');
		expect(shownText(200, 100_000, 100_000, 'en-IE')).toBe('Showing 1–200 of 100,000 codes');
		expect(shownText(400, 1_000, 100_000, 'en-IE')).toBe(
			'Showing 1–400 of 1,000 matching of 100,000 codes'
		);
	});

	it('says what the counter would say about a typed code', () => {
		expect(outcomeText({ kind: 'unknown' }, 'en-IE').tone).toBe('bad');
		const disabled = { kind: 'disabled' as const, code: 'CRUMB-7K2Q-X9A', partnerName: 'Crumb' };
		expect(
			outcomeText(
				{
					kind: 'mistyped',
					suggestion: { code: 'CRUMB-7K2Q-X9A', answer: disabled },
					ambiguous: false
				},
				'en-IE'
			).text
		).toBe(
			'That looks mistyped. Did the card say CRUMB-7K2Q-X9A? CRUMB-7K2Q-X9A (Crumb) is disabled.'
		);
		expect(
			outcomeText({ kind: 'mistyped', suggestion: null, ambiguous: true }, 'en-IE').text
		).toContain('more than one code');
		expect(
			outcomeText(
				{
					kind: 'valid',
					codeId: 1,
					code: 'CRUMB-7K2Q-X9A',
					partnerId: 3,
					partnerName: 'Crumb & Co. Bakery',
					offer: '10 % off.',
					newCustomersOnly: false
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

describe('issuing refused', () => {
	afterEach(removeFakeShell);

	it('a code already in use is shown beside the readable-code input', async () => {
		fakeShell(() => {
			throw { code: 'code_taken', message: 'BAKERY1-X is already in use.', field: 'code' };
		});
		const refusal = await refusalOf(api.codes.issue(3, 'bakery1', blankOptions()));
		// The fields IssueOneForm.svelte has.
		expect(placeError(refusal, ['code', ...optionFields])).toEqual({
			fields: { code: 'BAKERY1-X is already in use.' },
			form: null
		});
	});

	it('a refused count is shown beside the count input, and a bad option beside that option', async () => {
		const refusals = [
			{ code: 'invalid_input', message: 'Count is at most 10000.', field: 'count' },
			{ code: 'invalid_input', message: 'Valid until is before valid from.', field: 'validUntil' }
		];
		fakeShell(() => {
			throw refusals.shift();
		});
		// The fields IssueBatchForm.svelte has.
		const fields = ['count', ...optionFields] as const;
		const count = await refusalOf(api.codes.issueBatch(3, 20_000, blankOptions()));
		expect(placeError(count, fields)).toEqual({
			fields: { count: 'Count is at most 10000.' },
			form: null
		});
		const until = await refusalOf(api.codes.issueBatch(3, 20, blankOptions()));
		expect(placeError(until, fields)).toEqual({
			fields: { validUntil: 'Valid until is before valid from.' },
			form: null
		});
	});
});
