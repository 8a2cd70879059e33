// What the Campaigns screen works out for itself: the form's draft and what it sends, the
// headline cards in reading order, and dates in words. Money is never parsed or summed here:
// every amount, the budget's state and the bar's percent arrive from the core.

import type { CampaignInput } from '$lib/api/bindings/CampaignInput';
import type { CampaignResults } from '$lib/api/bindings/CampaignResults';
import type { CampaignStatus } from '$lib/api/bindings/CampaignStatus';
import type { CampaignView } from '$lib/api/bindings/CampaignView';
import type { CodeOptions } from '$lib/api/bindings/CodeOptions';
import type { Field } from '$lib/api/bindings/Field';
import type { PartnerId } from '$lib/api/bindings/PartnerId';
import { dayText } from '$lib/format';

/** The campaign form as typed. */
export type CampaignDraft = {
	name: string;
	startsOn: string;
	endsOn: string;
	budget: string;
	notes: string;
	partnerIds: PartnerId[];
};

/** The inputs the campaign form has, so refusals naming them show beside them. */
export const campaignFields: readonly Field[] = [
	'name',
	'startsOn',
	'endsOn',
	'budget',
	'notes',
	'partners'
];

/** A new campaign over the day `today` (`YYYY-MM-DD`), no partners chosen yet. */
export function blankCampaign(today: string): CampaignDraft {
	return { name: '', startsOn: today, endsOn: today, budget: '', notes: '', partnerIds: [] };
}

/** The form filled in from a stored campaign, to edit it. */
export function draftOf(c: CampaignView): CampaignDraft {
	return {
		name: c.name,
		startsOn: c.startsOn,
		endsOn: c.endsOn,
		budget: c.budgetInput,
		notes: c.notes,
		partnerIds: c.partners.map((p) => p.id)
	};
}

/** What the form sends: the text as typed, the partners chosen in the order ticked. */
export function campaignInput(draft: CampaignDraft): CampaignInput {
	return { ...draft, partnerIds: [...draft.partnerIds] };
}

/** `ids` with `id` ticked or unticked. */
export function toggled(ids: readonly PartnerId[], id: PartnerId, on: boolean): PartnerId[] {
	const without = ids.filter((i) => i !== id);
	return on ? [...without, id] : without;
}

/** "17 – 20 November 2026", or the one day. */
export function daysText(c: Pick<CampaignView, 'startsOn' | 'endsOn'>, locale: string): string {
	if (c.startsOn === c.endsOn) return dayText(c.startsOn, locale);
	return `${dayText(c.startsOn, locale)} – ${dayText(c.endsOn, locale)}`;
}

export const statusLabels: Record<CampaignStatus, string> = {
	upcoming: 'Upcoming',
	running: 'Running',
	ended: 'Ended'
};

/** The options a campaign's codes are issued with: single use, the partner's prefix, valid
 *  on the campaign's days (the days its results count). */
export function campaignCodeOptions(c: CampaignView): CodeOptions {
	return {
		validFrom: c.startsOn,
		validUntil: c.endsOn,
		redemptionLimit: '1',
		note: c.name.slice(0, 200),
		withPrefix: true,
		campaignId: c.id
	};
}

/** The headline figures a story reads by `data-figure`. */
export type FigureKey =
	| 'redemptions'
	| 'newCustomers'
	| 'sales'
	| 'discounts'
	| 'commissions'
	| 'costs'
	| 'cac'
	| 'budget';

export type FigureCard = {
	figure: FigureKey;
	label: string;
	/** As the core wrote it, or "—" when it cannot be worked out. */
	value: string;
	hint: string;
};

/** The results' headline cards, in reading order. */
export function figureCards(r: CampaignResults): FigureCard[] {
	const t = r.total;
	const b = r.budget;
	return [
		{
			figure: 'redemptions',
			label: 'Redemptions',
			value: String(t.redemptions),
			hint: `Of ${r.codes} ${r.codes === 1 ? 'code' : 'codes'} issued for it`
		},
		{
			figure: 'newCustomers',
			label: 'New customers',
			value: String(t.newCustomers),
			hint: 'First visit through the campaign'
		},
		{ figure: 'sales', label: 'Sales', value: t.sales, hint: `Customers paid ${t.revenue}` },
		{
			figure: 'discounts',
			label: 'Discounts given',
			value: t.discounts,
			hint: 'What customers saved'
		},
		{
			figure: 'commissions',
			label: 'Commission',
			value: t.commissions,
			hint: 'What partners earned'
		},
		{ figure: 'costs', label: 'Costs', value: t.costs, hint: 'Booked to the campaign' },
		{
			figure: 'cac',
			label: 'Cost per new customer',
			value: t.cac ?? '—',
			hint: t.cac === null ? 'No new customers yet' : `Of ${t.programCost} in all`
		},
		{
			figure: 'budget',
			label: 'Budget used',
			value: b.budget === null ? b.used : `${b.used} of ${b.budget}`,
			hint: b.words
		}
	];
}

/** The bar's width: the core's percent, held inside the bar (an overrun shows as full). */
export function barWidth(percent: number | null): number {
	if (percent === null) return 0;
	return Math.max(0, Math.min(100, percent));
}
