// What the counter says about a code, and the rules it keeps while a scanner types codes
// faster than the core answers them.

import type { LookupOutcome } from '$lib/api/bindings/LookupOutcome';
import type { NoOffer } from '$lib/api/bindings/NoOffer';
import type { PartnerStatus } from '$lib/api/bindings/PartnerStatus';
import type { RedemptionInput } from '$lib/api/bindings/RedemptionInput';
import type { RedemptionView } from '$lib/api/bindings/RedemptionView';
import { dateTimeText, dayText, shopZone, todayIso } from '$lib/format';

export type OutcomeKind = LookupOutcome['kind'];
export type Tone = 'good' | 'warn' | 'bad';

/** A run of text; a marked one is rendered as its own element so a test can read it alone. */
export type Segment = {
	text: string;
	mark?: 'suggestion' | 'suggestionAnswer' | 'number' | 'discount';
};

/** What the result panel shows for an outcome. */
export type OutcomeView = {
	title: string;
	/** Beside the title; colour and icon only repeat what the title says. */
	icon: string;
	tone: Tone;
	code: string | null;
	partner: string | null;
	offer: string | null;
	detail: Segment[];
	/** The one card a typo is a slip of, as printed. */
	suggestion: string | null;
	/** Whether that card would be logged if taken (false: taking it shows its refusal). */
	suggestionValid: boolean;
};

export const titles: Record<OutcomeKind, string> = {
	valid: 'VALID',
	mistyped: 'MISTYPED',
	usedUp: 'ALREADY USED',
	expired: 'EXPIRED',
	notYetValid: 'NOT YET VALID',
	disabled: 'DISABLED',
	unknown: 'UNKNOWN',
	partnerNotActive: 'PARTNER NOT ACTIVE',
	noTerms: 'NO TERMS',
	dailyLimitReached: 'DAILY LIMIT REACHED'
};

export const icons: Record<OutcomeKind, string> = {
	valid: '✓',
	mistyped: '⚠',
	usedUp: '⛔',
	expired: '⌛',
	notYetValid: '⌛',
	disabled: '⊘',
	unknown: '?',
	partnerNotActive: '✗',
	noTerms: '✗',
	dailyLimitReached: '⛔'
};

export const loggedTitle = 'LOGGED';
export const loggedIcon = '✓';
/** A lookup the shell could not answer (not an outcome: the code was never judged). */
export const failedTitle = 'NOT CHECKED';
export const pendingTitle = 'CHECKING…';

/** "Crumb & Co. Bakery's 20 for today are used.": the partner's places for the day, all taken. */
export function dayUsedWords(partnerName: string, limit: number): string {
	return limit === 1
		? `${partnerName}'s 1 for today is used.`
		: `${partnerName}'s ${limit} for today are used.`;
}

const inactive: Record<PartnerStatus, (partner: string) => string> = {
	prospect: (p) => `${p} is still a prospect: there is no partnership yet.`,
	active: (p) => `The partnership with ${p} is not active.`,
	paused: (p) => `The partnership with ${p} is paused.`,
	ended: (p) => `The partnership with ${p} has ended.`
};

/** The words for every outcome; dates in the shop's locale. */
export function outcomeView(outcome: LookupOutcome, locale: string): OutcomeView {
	const base = {
		title: titles[outcome.kind],
		icon: icons[outcome.kind],
		tone: 'bad' as Tone,
		code: null,
		partner: null,
		offer: null,
		suggestion: null,
		suggestionValid: false
	};
	const text = (sentence: string): Segment[] => [{ text: sentence }];
	switch (outcome.kind) {
		case 'valid':
			return {
				...base,
				tone: 'good',
				code: outcome.code,
				partner: outcome.partnerName,
				offer: outcome.offer,
				detail: text(
					outcome.newCustomersOnly
						? 'New customers only: answer “First visit?”, then type the sale amount and press Enter.'
						: 'Type the sale amount, then press Enter.'
				)
			};
		case 'mistyped': {
			const suggestion = outcome.suggestion;
			if (!suggestion) {
				return {
					...base,
					tone: 'warn',
					detail: text(
						outcome.ambiguous
							? 'This code has a typo, and more than one card is a slip away from it. Check the card and type it again.'
							: 'This code has a typo. Check the card and type it again.'
					)
				};
			}
			return {
				...base,
				tone: 'warn',
				suggestion: suggestion.code,
				suggestionValid: suggestion.answer.kind === 'valid',
				detail: [
					{ text: 'Did you mean ' },
					{ text: suggestion.code, mark: 'suggestion' },
					{ text: '? ' },
					{ text: answerWords(suggestion.answer, locale), mark: 'suggestionAnswer' }
				]
			};
		}
		case 'unknown':
			return {
				...base,
				detail: text('No code like this was ever issued. Check the card and type it again.')
			};
		case 'usedUp': {
			const when = dateTimeText(outcome.lastUsedAt, locale);
			const sentence =
				outcome.limit === 1
					? `Already used on ${when} at ${outcome.lastTill}.`
					: `Used ${outcome.uses} of ${outcome.limit} times; last on ${when} at ${outcome.lastTill}.`;
			return { ...base, code: outcome.code, partner: outcome.partnerName, detail: text(sentence) };
		}
		case 'expired':
			return {
				...base,
				code: outcome.code,
				partner: outcome.partnerName,
				detail: text(`It was valid until ${dayText(outcome.until, locale)}.`)
			};
		case 'notYetValid':
			return {
				...base,
				code: outcome.code,
				partner: outcome.partnerName,
				detail: text(`It is valid from ${dayText(outcome.from, locale)}.`)
			};
		case 'disabled':
			return {
				...base,
				code: outcome.code,
				partner: outcome.partnerName,
				detail: text('The owner switched this code off.')
			};
		case 'partnerNotActive':
			return {
				...base,
				code: outcome.code,
				partner: outcome.partnerName,
				detail: text(inactive[outcome.status](outcome.partnerName))
			};
		case 'noTerms':
			return {
				...base,
				code: outcome.code,
				partner: outcome.partnerName,
				detail: text(`${outcome.partnerName} has no signed terms in force today.`)
			};
		case 'dailyLimitReached':
			return {
				...base,
				code: outcome.code,
				partner: outcome.partnerName,
				detail: text(dayUsedWords(outcome.partnerName, outcome.limit))
			};
	}
}

/**
 * What a suggested card would answer, with the words a lookup of it shows: "That card is
 * ALREADY USED: Already used on … at Till 1." Staff see it before they take it.
 */
export function answerWords(answer: LookupOutcome, locale: string): string {
	if (answer.kind === 'valid') {
		return `That card is ${titles.valid}: ${answer.partnerName}, ${answer.offer}.`;
	}
	const view = outcomeView(answer, locale);
	return `That card is ${view.title}: ${plain(view.detail)}`;
}

/** The segments as one plain sentence. */
export function plain(segments: readonly Segment[]): string {
	return segments.map((s) => s.text).join('');
}

/** How staff refer to a redemption: "No. 42". */
export function numberText(id: number): string {
	return `No. ${id}`;
}

/** "Logged No. 42 — give €1.25 off (customer pays €11.25)"; amounts exactly as the core wrote them. */
export function confirmation(redemption: RedemptionView): Segment[] {
	return [
		{ text: 'Logged ' },
		{ text: numberText(redemption.id), mark: 'number' },
		{ text: ' — give ' },
		{ text: redemption.discount, mark: 'discount' },
		// The core gave no discount; say why it is nothing, as the core said.
		{ text: redemption.noOffer ? noOfferWords[redemption.noOffer] : ' off' },
		{ text: ` (customer pays ${redemption.pays})` }
	];
}

/** Why a logged sale got no discount, after "give €0.00". */
const noOfferWords: Record<NoOffer, string> = {
	belowMinimum: ' off: the sale is under the offer’s minimum',
	notNewCustomer: ' off: the offer is for new customers only'
};

/** What the result panel holds: an outcome, a logged sale, or a lookup that failed. */
export type Shown =
	| {
			kind: 'outcome';
			seq: number;
			typed: string;
			outcome: LookupOutcome;
			/** Said under the outcome, e.g. when logging was refused. */
			note: string | null;
	  }
	| {
			kind: 'logged';
			seq: number;
			typed: string;
			redemption: RedemptionView;
			replayed: boolean;
			offer: string | null;
	  }
	| { kind: 'failed'; seq: number; typed: string; message: string };

/** What the result panel shows, whatever it holds. */
export type PanelView = OutcomeView & { confirmation: Segment[] | null };

export function panelView(shown: Shown, locale: string): PanelView {
	switch (shown.kind) {
		case 'outcome':
			return { ...outcomeView(shown.outcome, locale), confirmation: null };
		case 'logged': {
			const r = shown.redemption;
			return {
				title: loggedTitle,
				icon: loggedIcon,
				tone: 'good',
				code: r.code,
				partner: r.partnerName,
				offer: shown.offer,
				detail: [{ text: `Sale ${r.sale}${r.newCustomer ? ', a new customer' : ''}.` }],
				suggestion: null,
				suggestionValid: false,
				confirmation: confirmation(r)
			};
		}
		case 'failed':
			return {
				title: failedTitle,
				icon: '✗',
				tone: 'bad',
				code: null,
				partner: null,
				offer: null,
				detail: [{ text: shown.message }],
				suggestion: null,
				suggestionValid: false,
				confirmation: null
			};
	}
}

/** The result panel's `data-kind`: the outcome's kind, `logged` or `failed`. */
export function shownKind(shown: Shown): string {
	return shown.kind === 'outcome' ? shown.outcome.kind : shown.kind;
}

/** The code Enter in the empty input would look up: the newest result's suggestion. */
export function offeredSuggestion(shown: Shown | null, newestSeq: number): string | null {
	if (shown?.kind !== 'outcome' || shown.seq !== newestSeq) return null;
	return shown.outcome.kind === 'mistyped' ? (shown.outcome.suggestion?.code ?? null) : null;
}

export type EnterAction =
	{ kind: 'lookup'; typed: string; suggested: boolean } | { kind: 'toSale' } | { kind: 'none' };

/**
 * What Enter in the code input does: look up what was typed, exactly as typed; in an empty
 * input, accept the offered suggestion, or go to the open sale form.
 */
export function enterAction(text: string, offered: string | null, saleOpen: boolean): EnterAction {
	if (text.trim() !== '') return { kind: 'lookup', typed: text, suggested: false };
	if (offered) return { kind: 'lookup', typed: offered, suggested: true };
	return saleOpen ? { kind: 'toSale' } : { kind: 'none' };
}

/**
 * Whether a key typed into the sale amount is the start of the next scan: amounts hold
 * digits, separators and spaces, never a letter or a dash.
 */
export function isScanKey(key: {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
}): boolean {
	if (key.ctrlKey || key.metaKey || key.altKey) return false;
	return [...key.key].length === 1 && (key.key === '-' || /\p{L}/u.test(key.key));
}

/**
 * Numbers lookups in the order Enter was pressed. Answers may come back in any order; only
 * the newest lookup's answer is shown, so an older one arriving late never replaces it.
 */
export class Sequence {
	#last = 0;

	/** The number for a new lookup. */
	next(): number {
		this.#last += 1;
		return this.#last;
	}

	get last(): number {
		return this.#last;
	}

	isNewest(seq: number): boolean {
		return seq === this.#last;
	}
}

/** One lookup in "Checked just now". */
export type Check = {
	seq: number;
	/** Exactly what was typed (or the suggestion accepted). */
	typed: string;
	at: Date;
	kind: OutcomeKind | 'pending' | 'failed';
	title: string;
	suggested: boolean;
};

export const checksMax = 50;

/** Adds a lookup at the top, keeping the newest `max`. */
export function recordCheck(checks: readonly Check[], check: Check, max = checksMax): Check[] {
	return [check, ...checks].slice(0, max);
}

/** Fills in the answer to lookup `seq`, wherever it now sits in the list. */
export function settleCheck(
	checks: readonly Check[],
	seq: number,
	kind: Check['kind'],
	title: string
): Check[] {
	return checks.map((c) => (c.seq === seq ? { ...c, kind, title } : c));
}

/**
 * One try at logging a sale. Its key is made once, when the valid result opens the sale
 * form, and every send of this attempt carries it, so a double Enter or a retry after a
 * refused amount is logged at most once. A new code is a new attempt.
 */
export class SaleAttempt {
	constructor(
		readonly key: string,
		readonly code: string,
		readonly seq: number
	) {}

	input(values: {
		sale: string;
		newCustomer: boolean;
		note: string;
		confirmedLarge?: boolean;
	}): RedemptionInput {
		return {
			idempotencyKey: this.key,
			code: this.code,
			// As typed (12,50 or 12.50): the core reads it the shop's way.
			sale: values.sale,
			newCustomer: values.newCustomer,
			note: values.note,
			// Said yes to the core's "that is a large sale" question for this very amount.
			confirmedLarge: values.confirmedLarge ?? false
		};
	}
}

type RandomSource = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/** A fresh attempt key, a UUID v4 (built by hand where `randomUUID` is missing). */
export function newAttemptKey(source: RandomSource = globalThis.crypto): string {
	if (typeof source.randomUUID === 'function') return source.randomUUID();
	const bytes = source.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6] & 0x0f) | 0x40;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whole milliseconds from Enter to the answer on screen. */
export function latencyMs(start: number, end: number): number {
	return Math.max(0, Math.round(end - start));
}

function format(when: Date, locale: string, options: Intl.DateTimeFormatOptions): string {
	// In the shop's zone: the time the core logged, as the shop's wall clock reads it.
	const inZone = { ...options, timeZone: shopZone() };
	try {
		return new Intl.DateTimeFormat(locale, inZone).format(when);
	} catch {
		// An unknown locale must not hide the time.
		return new Intl.DateTimeFormat(undefined, inZone).format(when);
	}
}

/** A redemption's time: only the clock for today's (the shop's day), with the date for older ones. */
export function recentTimeText(iso: string, locale: string, now: Date = new Date()): string {
	const when = new Date(iso);
	if (Number.isNaN(when.getTime())) return iso;
	const today = todayIso(when) === todayIso(now);
	return today ? format(when, locale, { timeStyle: 'short' }) : dateTimeText(iso, locale);
}

/** A lookup's time to the second, so a burst of scans reads in order. */
export function clockText(when: Date, locale: string): string {
	return format(when, locale, { timeStyle: 'medium' });
}
