import { describe, expect, it } from 'vitest';
import type { TermsInput } from '$lib/api/bindings/TermsInput';
import { offerChoices, paperFor, shownFields } from './terms';

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
	notes: ''
};

describe('agreement form', () => {
	it('shows the inputs the chosen kinds need, and only those', () => {
		expect(shownFields(terms)).toEqual([
			'model',
			'effectiveFrom',
			'effectiveTo',
			'offerPercent',
			'minSale',
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

	it('sends no paper for Auto, so the shop locale decides', () => {
		expect(paperFor('auto')).toBeNull();
		expect(paperFor('a4')).toBe('a4');
		expect(paperFor('letter')).toBe('letter');
	});

	it('offers every offer kind once', () => {
		expect(offerChoices.map((c) => c.value).sort()).toEqual(
			['amountOff', 'freeItem', 'none', 'percentOff'].sort()
		);
	});
});
