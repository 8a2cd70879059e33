// What the Codes screen shows about a code, in words, and which codes its filters keep.

import type { CodeQuery } from '$lib/api/bindings/CodeQuery';
import type { CodeStatusFilter } from '$lib/api/bindings/CodeStatusFilter';
import type { CodeUseFilter } from '$lib/api/bindings/CodeUseFilter';
import type { LookupOutcome } from '$lib/api/bindings/LookupOutcome';
import type { ReferralCode } from '$lib/api/bindings/ReferralCode';
import type { CodeOptions } from '$lib/api/bindings/CodeOptions';
import type { Field } from '$lib/api/bindings/Field';
import { dateTimeText, dayText, statusLabels } from '$lib/format';

export type StatusFilter = CodeStatusFilter;

/** Whether codes have been redeemed: never, at least once, or as often as their limit allows. */
export type UseFilter = CodeUseFilter;

export type CodeFilters = { status: StatusFilter; use: UseFilter; search: string; batch: string };

export const allBatches = '';

/** The filters as the core reads them. */
export function codeQuery(filters: CodeFilters): CodeQuery {
	return {
		search: filters.search.trim(),
		status: filters.status,
		uses: filters.use,
		batch: filters.batch === allBatches ? null : filters.batch
	};
}

/**
 * How much of the list is shown: "3 codes", "2 of 5 codes" when filtered and all loaded,
 * else "Showing 1–200 of 100,000 codes" (with the partner's total when filtered).
 */
export function shownText(loaded: number, matching: number, total: number, locale: string): string {
	const n = (x: number) => x.toLocaleString(locale);
	const codes = (x: number) => (x === 1 ? '1 code' : `${n(x)} codes`);
	if (loaded >= matching)
		return matching === total ? codes(total) : `${n(matching)} of ${codes(total)}`;
	const of = matching === total ? codes(total) : `${n(matching)} matching of ${codes(total)}`;
	return `Showing 1–${n(loaded)} of ${of}`;
}

/** True when two queries keep the same codes. */
export function sameQuery(a: CodeQuery, b: CodeQuery): boolean {
	return (
		folded(a.search) === folded(b.search) &&
		a.status === b.status &&
		a.uses === b.uses &&
		a.batch === b.batch
	);
}

/** The inputs both issuing forms have, so refusals naming them show beside them. */
export const optionFields: readonly Field[] = [
	'validFrom',
	'validUntil',
	'redemptionLimit',
	'notes'
];

export function blankOptions(): CodeOptions {
	return {
		validFrom: '',
		validUntil: '',
		redemptionLimit: '1',
		note: '',
		withPrefix: true,
		campaignId: null
	};
}

/** "single use", "5 uses" or "unlimited". */
export function limitText(limit: number | null): string {
	if (limit === null) return 'unlimited';
	return limit === 1 ? 'single use' : `${limit} uses`;
}

/** True when the code has been redeemed as often as its limit allows. */
export function isUsedUp(code: ReferralCode): boolean {
	return code.redemptionLimit !== null && code.uses >= code.redemptionLimit;
}

/** "not used", "used up (1 of 1)", "2 of 5 used" or "used 3 times". */
export function usesText(code: ReferralCode): string {
	if (code.uses === 0) return 'not used';
	const limit = code.redemptionLimit;
	if (limit === null) return code.uses === 1 ? 'used once' : `used ${code.uses} times`;
	return isUsedUp(code) ? `used up (${code.uses} of ${limit})` : `${code.uses} of ${limit} used`;
}

function keepsUse(code: ReferralCode, use: UseFilter): boolean {
	switch (use) {
		case 'all':
			return true;
		case 'unused':
			return code.uses === 0;
		case 'used':
			return code.uses > 0;
		case 'usedUp':
			return isUsedUp(code);
	}
}

/** The validity window in words, e.g. "1 December 2026 – 31 January 2027" or "always". */
export function validityText(code: ReferralCode, locale: string): string {
	const from = code.validFrom ? dayText(code.validFrom, locale) : null;
	const until = code.validUntil ? dayText(code.validUntil, locale) : null;
	if (from && until) return `${from} – ${until}`;
	if (from) return `from ${from}`;
	if (until) return `until ${until}`;
	return 'always';
}

/** Letters and digits only, upper case: how a code is compared whatever the dashes and spaces. */
function folded(text: string): string {
	return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Folded as the counter folds a code: the look-alikes O, I and L read as 0 and 1. */
function lookAlikes(text: string): string {
	return text.replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Whether `query` keeps a code already shown, as the core's list decides it: the page uses
 * it to show which loaded rows "every code matching" ticks. The core alone decides which
 * codes an action switches or prints.
 */
export function keeps(code: ReferralCode, query: CodeQuery): boolean {
	const wanted = folded(query.search);
	return (
		(query.status === 'all' || code.enabled === (query.status === 'enabled')) &&
		keepsUse(code, query.uses) &&
		(query.batch === null || code.batch === query.batch) &&
		(wanted === '' ||
			folded(code.prefix + code.code).includes(wanted) ||
			code.code.includes(lookAlikes(wanted)))
	);
}

/** What the counter would be told about a typed code, as one sentence and a tone. */
export function outcomeText(
	outcome: LookupOutcome,
	locale: string
): { tone: 'good' | 'bad'; text: string } {
	switch (outcome.kind) {
		case 'valid':
			return {
				tone: 'good',
				text: `Valid: ${outcome.code} from ${outcome.partnerName}. ${outcome.offer}`
			};
		case 'unknown':
			return { tone: 'bad', text: 'No code like that was ever issued.' };
		case 'mistyped': {
			const suggestion = outcome.suggestion;
			if (suggestion) {
				// What the card would answer, so the owner sees the refusal before staff do.
				const answer = outcomeText(suggestion.answer, locale).text;
				return {
					tone: 'bad',
					text: `That looks mistyped. Did the card say ${suggestion.code}? ${answer}`
				};
			}
			return {
				tone: 'bad',
				text: outcome.ambiguous
					? 'That looks mistyped, and more than one code is a slip away from it: check the card again.'
					: 'That looks mistyped: check the card again.'
			};
		}
		case 'disabled':
			return { tone: 'bad', text: `${outcome.code} (${outcome.partnerName}) is disabled.` };
		case 'usedUp':
			return {
				tone: 'bad',
				text: `${outcome.code} (${outcome.partnerName}) is used up: last used ${dateTimeText(outcome.lastUsedAt, locale)} at ${outcome.lastTill}.`
			};
		case 'notYetValid':
			return {
				tone: 'bad',
				text: `${outcome.code} (${outcome.partnerName}) is valid only from ${dayText(outcome.from, locale)}.`
			};
		case 'expired':
			return {
				tone: 'bad',
				text: `${outcome.code} (${outcome.partnerName}) expired after ${dayText(outcome.until, locale)}.`
			};
		case 'partnerNotActive':
			return {
				tone: 'bad',
				text: `${outcome.code} belongs to ${outcome.partnerName}, whose partnership is ${statusLabels[outcome.status].toLowerCase()}.`
			};
		case 'noTerms':
			return {
				tone: 'bad',
				text: `${outcome.code} belongs to ${outcome.partnerName}, who has no signed terms in force today.`
			};
		case 'dailyLimitReached':
			return {
				tone: 'bad',
				text: `${outcome.code} (${outcome.partnerName}) cannot be used again today: the ${outcome.limit} a day the terms allow are used.`
			};
	}
}
