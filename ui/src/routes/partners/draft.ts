// The partner editor's values: everything as the inputs hold it (text, and fit scores as the
// select's "" or "1"–"5"), converted to the core's PartnerInput only when saving.

import type { Field } from '$lib/api/bindings/Field';
import type { Partner } from '$lib/api/bindings/Partner';
import type { PartnerFit } from '$lib/api/bindings/PartnerFit';
import type { PartnerInput } from '$lib/api/bindings/PartnerInput';
import type { PartnerStatus } from '$lib/api/bindings/PartnerStatus';

/** The four fit scores, keyed as the core names their fields. */
export const fitFields = {
	fitAudience: 'audience',
	fitSynergy: 'synergy',
	fitReputation: 'reputation',
	fitMotivation: 'motivation'
} as const satisfies Partial<Record<Field, keyof PartnerFit>>;

export type FitField = keyof typeof fitFields;

export type PartnerDraft = {
	name: string;
	category: string;
	contactPerson: string;
	email: string;
	phone: string;
	address: string;
	website: string;
	notes: string;
	/** "" for unscored, else "1" to "5". */
	fitAudience: string;
	fitSynergy: string;
	fitReputation: string;
	fitMotivation: string;
	/** The status to save: the current one, or one the person picked. */
	status: PartnerStatus;
};

/** Every input of the editor, as the core names them, in form order. */
export const draftFields: readonly Field[] = [
	'name',
	'category',
	'contactPerson',
	'email',
	'phone',
	'address',
	'website',
	'notes',
	'fitAudience',
	'fitSynergy',
	'fitReputation',
	'fitMotivation',
	'status'
];

function scoreText(score: number | null): string {
	return score === null ? '' : String(score);
}

function score(text: string): number | null {
	return text === '' ? null : Number(text);
}

/** A blank draft for a new partner, who starts as a prospect. */
export function emptyDraft(): PartnerDraft {
	return {
		name: '',
		category: '',
		contactPerson: '',
		email: '',
		phone: '',
		address: '',
		website: '',
		notes: '',
		fitAudience: '',
		fitSynergy: '',
		fitReputation: '',
		fitMotivation: '',
		status: 'prospect'
	};
}

/** A saved partner as editor values. */
export function draftFrom(partner: Partner): PartnerDraft {
	return {
		name: partner.name,
		category: partner.category,
		contactPerson: partner.contactPerson,
		email: partner.email,
		phone: partner.phone,
		address: partner.address,
		website: partner.website,
		notes: partner.notes,
		fitAudience: scoreText(partner.fit.audience),
		fitSynergy: scoreText(partner.fit.synergy),
		fitReputation: scoreText(partner.fit.reputation),
		fitMotivation: scoreText(partner.fit.motivation),
		status: partner.status
	};
}

/** The draft as the core's input; the status travels separately. */
export function inputFrom(draft: PartnerDraft): PartnerInput {
	return {
		name: draft.name,
		category: draft.category,
		contactPerson: draft.contactPerson,
		email: draft.email,
		phone: draft.phone,
		address: draft.address,
		website: draft.website,
		notes: draft.notes,
		fit: {
			audience: score(draft.fitAudience),
			synergy: score(draft.fitSynergy),
			reputation: score(draft.fitReputation),
			motivation: score(draft.fitMotivation)
		}
	};
}
