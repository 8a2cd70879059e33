import { describe, expect, it } from 'vitest';
import type { CampaignResults } from '$lib/api/bindings/CampaignResults';
import type { CampaignView } from '$lib/api/bindings/CampaignView';
import {
	barWidth,
	blankCampaign,
	campaignCodeOptions,
	campaignInput,
	daysText,
	draftOf,
	figureCards,
	toggled
} from './campaigns';

const market: CampaignView = {
	id: 4,
	name: 'Winter market',
	startsOn: '2026-11-17',
	endsOn: '2026-11-20',
	budget: '€500.00',
	budgetInput: '500.00',
	notes: 'Stall 14',
	partners: [
		{ id: 3, name: 'Café Müller' },
		{ id: 7, name: 'Łódź Flowers' }
	],
	status: 'running',
	statusWords: 'Running: 3 days left',
	daysLeft: 3,
	createdAt: '2026-11-01T10:00:00Z',
	createdBy: 'Maya Bean'
};

function figures(cac: string | null) {
	return {
		redemptions: 3,
		newCustomers: 2,
		sales: '€100.00',
		discounts: '€10.00',
		commissions: '€6.39',
		costs: '€10.00',
		income: '€0.00',
		received: '€0.00',
		sourced: '€0.00',
		influenced: '€0.00',
		revenue: '€90.00',
		programCost: '€26.39',
		cac,
		roi: null
	};
}

describe('campaign form', () => {
	it('edits a stored campaign as it was typed back', () => {
		const draft = draftOf(market);
		expect(draft).toEqual({
			name: 'Winter market',
			startsOn: '2026-11-17',
			endsOn: '2026-11-20',
			budget: '500.00',
			notes: 'Stall 14',
			partnerIds: [3, 7]
		});
		expect(campaignInput(draft)).toEqual(draft);
	});

	it('a new campaign starts and ends today with nobody chosen', () => {
		expect(blankCampaign('2026-12-01')).toMatchObject({
			startsOn: '2026-12-01',
			endsOn: '2026-12-01',
			partnerIds: []
		});
	});

	it('ticks and unticks a partner once', () => {
		expect(toggled([3], 7, true)).toEqual([3, 7]);
		expect(toggled([3, 7], 7, true)).toEqual([3, 7]);
		expect(toggled([3, 7], 3, false)).toEqual([7]);
	});

	it('says the days as a person reads them', () => {
		expect(daysText(market, 'en-IE')).toBe('17 November 2026 – 20 November 2026');
		expect(daysText({ startsOn: '2026-12-05', endsOn: '2026-12-05' }, 'en-IE')).toBe(
			'5 December 2026'
		);
	});

	it("issues the campaign's codes for its days, single use, with the partner's prefix", () => {
		expect(campaignCodeOptions(market)).toEqual({
			validFrom: '2026-11-17',
			validUntil: '2026-11-20',
			redemptionLimit: '1',
			note: 'Winter market',
			withPrefix: true,
			campaignId: 4
		});
	});
});

describe('campaign results', () => {
	const results: CampaignResults = {
		campaign: market,
		codes: 12,
		total: figures('€13.20'),
		budget: {
			state: 'within',
			budget: '€500.00',
			used: '€26.39',
			left: '€473.61',
			overBy: null,
			usedPercent: 5,
			words: '€26.39 of €500.00 used; €473.61 left.'
		},
		partners: []
	};

	it('shows every headline figure exactly as the core wrote it', () => {
		const cards = figureCards(results);
		expect(cards.map((c) => c.figure)).toEqual([
			'redemptions',
			'newCustomers',
			'sales',
			'discounts',
			'commissions',
			'costs',
			'cac',
			'budget'
		]);
		const value = (f: string) => cards.find((c) => c.figure === f)?.value;
		expect(value('sales')).toBe('€100.00');
		expect(value('cac')).toBe('€13.20');
		expect(value('budget')).toBe('€26.39 of €500.00');
		expect(cards.find((c) => c.figure === 'redemptions')?.hint).toBe('Of 12 codes issued for it');
	});

	it('says why a figure is missing, and what was spent without a budget', () => {
		const none: CampaignResults = {
			...results,
			total: figures(null),
			budget: {
				...results.budget,
				state: 'noBudget',
				budget: null,
				left: null,
				usedPercent: null,
				words: 'No budget set; €26.39 spent.'
			}
		};
		const cards = figureCards(none);
		expect(cards.find((c) => c.figure === 'cac')).toMatchObject({
			value: '—',
			hint: 'No new customers yet'
		});
		expect(cards.find((c) => c.figure === 'budget')?.value).toBe('€26.39');
	});

	it('keeps the bar inside its box', () => {
		expect([barWidth(null), barWidth(40), barWidth(132)]).toEqual([0, 40, 100]);
	});
});
