import { afterEach, describe, expect, it } from 'vitest';
import * as api from '$lib/api';
import type { TermsInput } from '$lib/api/bindings/TermsInput';
import { fakeShell, refusalOf, removeFakeShell } from '$lib/api/testing';
import { placeError } from '$lib/form.svelte';
import { offerChoices, shownFields, signFields } from './terms';

const terms: TermsInput = {
	model: 'referral',
	effectiveFrom: '2026-12-01',
	effectiveTo: '',
	offerKind: 'percentOff',
	offerPercent: '10',
	offerAmount: '',
	offerItem: '',
	minSale: '',
	rewardKind: 'percentOfSale',
	rewardPercent: '5',
	rewardAmount: '',
	rewardOnGross: false,
	monthlyCap: '',
	payoutCadence: 'monthly',
	payoutMethod: 'bankTransfer',
	payoutMethodOther: '',
	clauses: [],
	notes: '',
	reciprocal: false,
	dailyLimit: '',
	newCustomersOnly: false
};

describe('agreement form', () => {
	it('shows the inputs the chosen kinds need, and only those', () => {
		expect(shownFields(terms)).toEqual([
			'model',
			'effectiveFrom',
			'effectiveTo',
			'offerPercent',
			'minSale',
			'dailyLimit',
			'rewardPercent',
			'monthlyCap',
			'clauses',
			'notes'
		]);
		const other = shownFields({
			...terms,
			offerKind: 'freeItem',
			rewardKind: 'none',
			payoutMethod: 'other'
		});
		expect(other).toContain('offerItem');
		expect(other).toContain('payoutMethodOther');
		expect(other).not.toContain('offerPercent');
		expect(other).not.toContain('monthlyCap');
	});

	it('offers every offer kind once', () => {
		expect(offerChoices.map((c) => c.value).sort()).toEqual(
			['amountOff', 'freeItem', 'none', 'percentOff'].sort()
		);
	});
});

describe('refused terms', () => {
	afterEach(removeFakeShell);

	it('a refused input is shown beside it while on screen, and on top once hidden', async () => {
		fakeShell(() => {
			throw {
				code: 'invalid_input',
				message: 'Percent off is at most 100.',
				field: 'offerPercent'
			};
		});
		const refusal = await refusalOf(api.agreements.preview({ ...terms, offerPercent: '120' }));
		expect(placeError(refusal, shownFields(terms))).toEqual({
			fields: { offerPercent: 'Percent off is at most 100.' },
			form: null
		});
		// With a free item chosen the percentage input is gone: the sentence must still show.
		expect(placeError(refusal, shownFields({ ...terms, offerKind: 'freeItem' }))).toEqual({
			fields: {},
			form: 'Percent off is at most 100.'
		});
	});

	it('an overlap found on signing is shown on the sign dialog, which has no start-date input', async () => {
		fakeShell(() => {
			throw {
				code: 'period_overlap',
				message: 'Version 3 must start after version 2.',
				field: 'effectiveFrom'
			};
		});
		const signature = { signedOn: '2026-11-24', ourSignatory: 'Maya', partnerSignatory: 'Anna' };
		const refusal = await refusalOf(api.agreements.sign(12, signature));
		expect(placeError(refusal, signFields)).toEqual({
			fields: {},
			form: 'Version 3 must start after version 2.'
		});
	});
});
