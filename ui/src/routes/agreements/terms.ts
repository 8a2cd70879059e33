// The agreement form's words and lists: how each choice is labelled, and which inputs the
// form has, so a refusal from the core finds the one it names.

import type { Field } from '$lib/api/bindings/Field';
import type { OfferKind } from '$lib/api/bindings/OfferKind';
import type { PartnershipModel } from '$lib/api/bindings/PartnershipModel';
import type { PayoutCadence } from '$lib/api/bindings/PayoutCadence';
import type { PayoutMethod } from '$lib/api/bindings/PayoutMethod';
import type { RewardKind } from '$lib/api/bindings/RewardKind';
import type { TermsInput } from '$lib/api/bindings/TermsInput';

export type Choice<T extends string> = { value: T; label: string };

function choices<T extends string>(labels: Record<T, string>): Choice<T>[] {
	return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

export const modelChoices = choices<PartnershipModel>({
	referral: 'Referral',
	affiliate: 'Affiliate',
	coMarketing: 'Co-marketing',
	channel: 'Channel'
});

export const offerChoices = choices<OfferKind>({
	percentOff: 'Percent off',
	amountOff: 'Amount off',
	freeItem: 'A free item',
	none: 'No offer'
});

export const rewardChoices = choices<RewardKind>({
	percentOfSale: 'Percent of each sale',
	fixedPerRedemption: 'Fixed amount per sale',
	none: 'No commission'
});

export const cadenceChoices = choices<PayoutCadence>({
	monthly: 'Monthly',
	quarterly: 'Quarterly',
	onRequest: 'On request'
});

export const methodChoices = choices<PayoutMethod>({
	bankTransfer: 'Bank transfer',
	cash: 'Cash',
	storeCredit: 'Store credit',
	other: 'Other'
});

/** The form's inputs that are on screen for these terms, in form order. */
export function shownFields(terms: TermsInput): Field[] {
	const offer: Field[] = {
		none: [],
		percentOff: ['offerPercent'],
		amountOff: ['offerAmount'],
		freeItem: ['offerItem']
	}[terms.offerKind] as Field[];
	const reward: Field[] = {
		none: [],
		percentOfSale: ['rewardPercent', 'monthlyCap'],
		fixedPerRedemption: ['rewardAmount', 'monthlyCap']
	}[terms.rewardKind] as Field[];
	const other: Field[] = terms.payoutMethod === 'other' ? ['payoutMethodOther'] : [];
	return [
		'model',
		'effectiveFrom',
		'effectiveTo',
		...offer,
		'minSale',
		'dailyLimit',
		...reward,
		...other,
		'clauses',
		'notes'
	];
}

/** The sign dialog's inputs. */
export const signFields: readonly Field[] = ['signedOn', 'ourSignatory', 'partnerSignatory'];
