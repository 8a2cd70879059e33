import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '$lib/api/bindings/LookupOutcome';
import type { RedemptionView } from '$lib/api/bindings/RedemptionView';
import type { Suggestion } from '$lib/api/bindings/Suggestion';
import {
	SaleAttempt,
	Sequence,
	answerWords,
	checksMax,
	clockText,
	confirmation,
	enterAction,
	isScanKey,
	latencyMs,
	newAttemptKey,
	offeredSuggestion,
	outcomeView,
	panelView,
	plain,
	recentTimeText,
	recordCheck,
	settleCheck,
	shownKind,
	titles,
	type Check,
	type Shown
} from './counter';

const locale = 'en-IE';
const who = { code: 'BAKERY-7K2Q-X9A', partnerName: 'Bakery Nord' };

const validCard: LookupOutcome = {
	kind: 'valid',
	codeId: 7,
	partnerId: 3,
	offer: '10 % off, min €5.00',
	newCustomersOnly: false,
	...who
};

/** A suggestion of `who`'s card, which a lookup would answer with `answer`. */
function suggestionOf(answer: LookupOutcome): Suggestion {
	return { code: who.code, answer };
}

function said(outcome: LookupOutcome) {
	const view = outcomeView(outcome, locale);
	return { title: view.title, icon: view.icon, tone: view.tone, detail: plain(view.detail) };
}

const redemption: RedemptionView = {
	id: 42,
	code: 'BAKERY-7K2Q-X9A',
	partnerId: 3,
	partnerName: 'Bakery Nord',
	agreementVersion: 1,
	redeemedAt: '2026-11-24T10:05:00Z',
	sale: '€12.50',
	discount: '€1.25',
	pays: '€11.25',
	commission: '€0.56',
	offerApplied: true,
	noOffer: null,
	newCustomer: false,
	note: '',
	till: 'Front till',
	loggedBy: 'owner',
	void: null
};

describe('outcome words', () => {
	it('says valid with the partner and the offer as the core wrote it', () => {
		const view = outcomeView(
			{
				kind: 'valid',
				codeId: 7,
				partnerId: 3,
				offer: '10 % off, min €5.00',
				newCustomersOnly: false,
				...who
			},
			locale
		);
		expect(view).toMatchObject({
			title: 'VALID',
			icon: '✓',
			tone: 'good',
			partner: 'Bakery Nord',
			offer: '10 % off, min €5.00',
			code: 'BAKERY-7K2Q-X9A'
		});
		expect(plain(view.detail)).toBe('Type the sale amount, then press Enter.');
	});

	it('offers a mistyped code’s suggestion as its own marked part, with what it would answer', () => {
		const view = outcomeView(
			{ kind: 'mistyped', suggestion: suggestionOf(validCard), ambiguous: false },
			locale
		);
		expect(view).toMatchObject({ title: 'MISTYPED', icon: '⚠', tone: 'warn' });
		expect(view.suggestion).toBe('BAKERY-7K2Q-X9A');
		expect(view.suggestionValid).toBe(true);
		expect(plain(view.detail)).toBe(
			'Did you mean BAKERY-7K2Q-X9A? That card is VALID: Bakery Nord, 10 % off, min €5.00.'
		);
		expect(view.detail.filter((s) => s.mark === 'suggestion')).toEqual([
			{ text: 'BAKERY-7K2Q-X9A', mark: 'suggestion' }
		]);
	});

	it('says a suggested card is already used, in the words its own lookup shows', () => {
		const used: LookupOutcome = {
			kind: 'usedUp',
			...who,
			uses: 1,
			limit: 1,
			lastUsedAt: '2026-11-24T10:05:00Z',
			lastTill: 'Back till'
		};
		const view = outcomeView(
			{ kind: 'mistyped', suggestion: suggestionOf(used), ambiguous: false },
			locale
		);
		expect(view.suggestionValid).toBe(false);
		const answer = view.detail.find((s) => s.mark === 'suggestionAnswer')?.text;
		expect(answer).toBe(`That card is ALREADY USED: ${said(used).detail}`);
		expect(answer).toContain('Back till');
		for (const refused of [
			{ kind: 'expired', ...who, until: '2026-01-31' },
			{ kind: 'notYetValid', ...who, from: '2027-01-01' },
			{ kind: 'disabled', ...who }
		] satisfies LookupOutcome[]) {
			const words = answerWords(refused, locale);
			expect(words).toBe(`That card is ${titles[refused.kind]}: ${said(refused).detail}`);
		}
	});

	it('asks to check the card when a typo has no near code', () => {
		expect(said({ kind: 'mistyped', suggestion: null, ambiguous: false })).toEqual({
			title: 'MISTYPED',
			icon: '⚠',
			tone: 'warn',
			detail: 'This code has a typo. Check the card and type it again.'
		});
		expect(
			outcomeView({ kind: 'mistyped', suggestion: null, ambiguous: false }, locale).suggestion
		).toBeNull();
	});

	it('says so when two cards are a slip away, and offers neither', () => {
		const view = outcomeView({ kind: 'mistyped', suggestion: null, ambiguous: true }, locale);
		expect(view.suggestion).toBeNull();
		expect(plain(view.detail)).toBe(
			'This code has a typo, and more than one card is a slip away from it. Check the card and type it again.'
		);
	});

	it('says when and at which till a used-up code was last used', () => {
		const usedUp = {
			kind: 'usedUp' as const,
			...who,
			uses: 1,
			limit: 1,
			lastUsedAt: '2026-11-24T10:05:00Z',
			lastTill: 'Back till'
		};
		const when = new Intl.DateTimeFormat(locale, {
			dateStyle: 'medium',
			timeStyle: 'short'
		}).format(new Date('2026-11-24T10:05:00Z'));
		expect(said(usedUp)).toEqual({
			title: 'ALREADY USED',
			icon: '⛔',
			tone: 'bad',
			detail: `Already used on ${when} at Back till.`
		});
		expect(said({ ...usedUp, uses: 5, limit: 5 }).detail).toBe(
			`Used 5 of 5 times; last on ${when} at Back till.`
		);
		expect(outcomeView(usedUp, locale).partner).toBe('Bakery Nord');
	});

	it('gives the dates of codes outside their window as days', () => {
		expect(said({ kind: 'expired', ...who, until: '2027-01-31' })).toMatchObject({
			title: 'EXPIRED',
			tone: 'bad',
			detail: 'It was valid until 31 January 2027.'
		});
		expect(said({ kind: 'notYetValid', ...who, from: '2026-12-01' })).toMatchObject({
			title: 'NOT YET VALID',
			tone: 'bad',
			detail: 'It is valid from 1 December 2026.'
		});
	});

	it('names the reason for the other refusals', () => {
		expect(said({ kind: 'disabled', ...who })).toMatchObject({
			title: 'DISABLED',
			detail: 'The owner switched this code off.'
		});
		expect(said({ kind: 'unknown' })).toMatchObject({
			title: 'UNKNOWN',
			detail: 'No code like this was ever issued. Check the card and type it again.'
		});
		expect(said({ kind: 'partnerNotActive', ...who, status: 'paused' })).toMatchObject({
			title: 'PARTNER NOT ACTIVE',
			detail: 'The partnership with Bakery Nord is paused.'
		});
		expect(said({ kind: 'partnerNotActive', ...who, status: 'ended' }).detail).toBe(
			'The partnership with Bakery Nord has ended.'
		);
		expect(said({ kind: 'partnerNotActive', ...who, status: 'prospect' }).detail).toBe(
			'Bakery Nord is still a prospect: there is no partnership yet.'
		);
		expect(said({ kind: 'noTerms', ...who })).toMatchObject({
			title: 'NO TERMS',
			detail: 'Bakery Nord has no signed terms in force today.'
		});
	});

	it('says whose places for today are used, in the partner’s name', () => {
		const full = { kind: 'dailyLimitReached' as const, ...who, partnerName: 'Crumb & Co. Bakery' };
		expect(said({ ...full, limit: 20 })).toEqual({
			title: 'DAILY LIMIT REACHED',
			icon: '⛔',
			tone: 'bad',
			detail: "Crumb & Co. Bakery's 20 for today are used."
		});
		expect(said({ ...full, limit: 1 }).detail).toBe("Crumb & Co. Bakery's 1 for today is used.");
	});

	it('tells staff to ask about a first visit when the offer is for new customers only', () => {
		expect(said({ ...validCard, newCustomersOnly: true }).detail).toBe(
			'New customers only: answer “First visit?”, then type the sale amount and press Enter.'
		);
		expect(said(validCard).detail).toBe('Type the sale amount, then press Enter.');
	});

	it('gives every kind a distinct title, an icon and a sentence', () => {
		const every: LookupOutcome[] = [
			{
				kind: 'valid',
				codeId: 7,
				partnerId: 3,
				offer: 'Free coffee',
				newCustomersOnly: false,
				...who
			},
			{ kind: 'unknown' },
			{ kind: 'mistyped', suggestion: null, ambiguous: false },
			{ kind: 'disabled', ...who },
			{
				kind: 'usedUp',
				...who,
				uses: 1,
				limit: 1,
				lastUsedAt: '2026-11-24T10:05:00Z',
				lastTill: 'Till'
			},
			{ kind: 'notYetValid', ...who, from: '2026-12-01' },
			{ kind: 'expired', ...who, until: '2027-01-31' },
			{ kind: 'partnerNotActive', ...who, status: 'paused' },
			{ kind: 'noTerms', ...who },
			{ kind: 'dailyLimitReached', ...who, limit: 20 }
		];
		const views = every.map((o) => said(o));
		expect(new Set(views.map((v) => v.title)).size).toBe(every.length);
		expect(views.map((v) => v.title).sort()).toEqual(Object.values(titles).sort());
		for (const view of views) {
			expect(view.icon).not.toBe('');
			expect(view.detail).toMatch(/\.$|\?$/);
		}
		expect(views.filter((v) => v.tone === 'good').map((v) => v.title)).toEqual(['VALID']);
	});
});

describe('confirmation', () => {
	it('reads "Logged No. 42 — give €1.25 off (customer pays €11.25)"', () => {
		const said = confirmation(redemption);
		expect(plain(said)).toBe('Logged No. 42 — give €1.25 off (customer pays €11.25)');
		expect(said.find((s) => s.mark === 'number')?.text).toBe('No. 42');
		expect(said.find((s) => s.mark === 'discount')?.text).toBe('€1.25');
	});

	it('says why there is no discount under the offer’s minimum', () => {
		const said = confirmation({
			...redemption,
			discount: '€0.00',
			pays: '€4.00',
			offerApplied: false,
			noOffer: 'belowMinimum'
		});
		expect(plain(said)).toBe(
			'Logged No. 42 — give €0.00 off: the sale is under the offer’s minimum (customer pays €4.00)'
		);
	});

	it('says a returning customer gets nothing under new-customers-only terms', () => {
		const said = confirmation({
			...redemption,
			discount: '€0.00',
			pays: '€20.00',
			offerApplied: false,
			noOffer: 'notNewCustomer'
		});
		expect(plain(said)).toBe(
			'Logged No. 42 — give €0.00 off: the offer is for new customers only (customer pays €20.00)'
		);
	});
});

describe('commission at the counter', () => {
	it('is never shown: the panel is the same whether the shell sent it (owner) or cleared it (staff)', () => {
		const logged = (commission: string): Shown => ({
			kind: 'logged',
			seq: 1,
			typed: 'bakery7k2qx9a',
			redemption: { ...redemption, commission },
			replayed: false,
			offer: '10 % off'
		});
		const owner = panelView(logged('€9.87'), locale);
		const staff = panelView(logged(''), locale);
		expect(JSON.stringify(owner)).not.toContain('9.87');
		expect(staff).toEqual(owner);
	});
});

describe('enter in the code input', () => {
	it('looks up what was typed exactly as typed', () => {
		expect(enterAction(' bakery 7k2q x9a ', 'OTHER-1', true)).toEqual({
			kind: 'lookup',
			typed: ' bakery 7k2q x9a ',
			suggested: false
		});
	});

	it('accepts the suggestion when the input is empty', () => {
		expect(enterAction('', 'BAKERY-7K2Q-X9A', false)).toEqual({
			kind: 'lookup',
			typed: 'BAKERY-7K2Q-X9A',
			suggested: true
		});
		expect(enterAction('   ', 'BAKERY-7K2Q-X9A', false)).toMatchObject({ suggested: true });
	});

	it('goes to the open sale form, or does nothing', () => {
		expect(enterAction('', null, true)).toEqual({ kind: 'toSale' });
		expect(enterAction('', null, false)).toEqual({ kind: 'none' });
	});

	it('offers a suggestion only from the newest lookup', () => {
		const mistyped: Shown = {
			kind: 'outcome',
			seq: 3,
			typed: 'bakery 7k2q x9b',
			outcome: { kind: 'mistyped', suggestion: suggestionOf(validCard), ambiguous: false },
			note: null
		};
		expect(offeredSuggestion(mistyped, 3)).toBe('BAKERY-7K2Q-X9A');
		// A newer scan is on its way: Enter must not bring back the old suggestion.
		expect(offeredSuggestion(mistyped, 4)).toBeNull();
		expect(offeredSuggestion(null, 0)).toBeNull();
		expect(
			offeredSuggestion(
				{ ...mistyped, outcome: { kind: 'mistyped', suggestion: null, ambiguous: true } },
				3
			)
		).toBeNull();
		expect(offeredSuggestion({ ...mistyped, outcome: { kind: 'unknown' } }, 3)).toBeNull();
	});

	it('shows a logged sale with its confirmation, and a failed lookup with its message', () => {
		const logged = panelView(
			{
				kind: 'logged',
				seq: 2,
				typed: 'bakery7k2qx9a',
				redemption: { ...redemption, newCustomer: true },
				replayed: true,
				offer: '10 % off'
			},
			locale
		);
		expect(logged).toMatchObject({
			title: 'LOGGED',
			tone: 'good',
			partner: 'Bakery Nord',
			offer: '10 % off'
		});
		expect(plain(logged.detail)).toBe('Sale €12.50, a new customer.');
		expect(plain(logged.confirmation ?? [])).toBe(
			'Logged No. 42 — give €1.25 off (customer pays €11.25)'
		);
		const failed = panelView({ kind: 'failed', seq: 3, typed: 'x', message: 'No store.' }, locale);
		expect(failed).toMatchObject({ title: 'NOT CHECKED', tone: 'bad', confirmation: null });
		expect(plain(failed.detail)).toBe('No store.');
	});

	it('tells the panel which kind it shows', () => {
		expect(
			shownKind({ kind: 'outcome', seq: 1, typed: 'x', outcome: { kind: 'unknown' }, note: null })
		).toBe('unknown');
		expect(
			shownKind({ kind: 'logged', seq: 1, typed: 'x', redemption, replayed: false, offer: null })
		).toBe('logged');
		expect(shownKind({ kind: 'failed', seq: 1, typed: 'x', message: 'No store.' })).toBe('failed');
	});
});

describe('a scan arriving in the sale amount', () => {
	const key = (
		k: string,
		mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}
	) => ({
		key: k,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		...mods
	});

	it('is told by a letter or a dash', () => {
		expect(isScanKey(key('B'))).toBe(true);
		expect(isScanKey(key('k'))).toBe(true);
		expect(isScanKey(key('-'))).toBe(true);
		expect(isScanKey(key('Ł'))).toBe(true);
	});

	it('is not an amount’s digits, separators, or a shortcut', () => {
		for (const k of ['1', '0', ',', '.', ' ', 'Enter', 'Backspace', 'Tab', 'ArrowLeft', '€']) {
			expect(isScanKey(key(k)), k).toBe(false);
		}
		expect(isScanKey(key('a', { ctrlKey: true }))).toBe(false);
		expect(isScanKey(key('v', { metaKey: true }))).toBe(false);
	});
});

describe('lookups in a burst', () => {
	it('numbers lookups in order and shows only the newest', () => {
		const seq = new Sequence();
		const first = seq.next();
		const second = seq.next();
		expect([first, second]).toEqual([1, 2]);
		expect(seq.last).toBe(2);
		// The first answer arriving after the second was sent is not shown.
		expect(seq.isNewest(first)).toBe(false);
		expect(seq.isNewest(second)).toBe(true);
	});

	function check(seq: number, typed: string): Check {
		return { seq, typed, at: new Date(0), kind: 'pending', title: 'CHECKING…', suggested: false };
	}

	it('keeps every scan of a 50-code burst, newest first, exactly as typed', () => {
		const seq = new Sequence();
		let checks: Check[] = [];
		const typed = Array.from({ length: 50 }, (_, i) => `BAKERY-${String(i).padStart(4, '0')} `);
		const numbers = typed.map((t) => {
			const n = seq.next();
			checks = recordCheck(checks, check(n, t));
			return n;
		});
		// Answers come back out of order; each lands on its own row.
		for (const n of [...numbers].reverse()) {
			checks = settleCheck(checks, n, 'unknown', 'UNKNOWN');
		}
		expect(checks.map((c) => c.typed)).toEqual([...typed].reverse());
		expect(checks.every((c) => c.title === 'UNKNOWN')).toBe(true);
	});

	it('keeps at most the newest 50 lookups', () => {
		let checks: Check[] = [];
		for (let n = 1; n <= checksMax + 5; n++) checks = recordCheck(checks, check(n, `C${n}`));
		expect(checks).toHaveLength(50);
		expect(checks[0].seq).toBe(55);
		expect(checks[49].seq).toBe(6);
		// An answer for a lookup that fell off the list changes nothing.
		expect(settleCheck(checks, 2, 'valid', 'VALID')).toEqual(checks);
	});
});

describe('one sale attempt', () => {
	it('sends the same key and the amount as typed on every try', () => {
		const attempt = new SaleAttempt('key-0000-1111', 'BAKERY-7K2Q-X9A', 4);
		const first = attempt.input({ sale: '12x', newCustomer: false, note: '' });
		const retry = attempt.input({ sale: '12,50', newCustomer: true, note: 'Tall latte' });
		expect(first.idempotencyKey).toBe('key-0000-1111');
		expect(retry).toEqual({
			idempotencyKey: 'key-0000-1111',
			code: 'BAKERY-7K2Q-X9A',
			sale: '12,50',
			newCustomer: true,
			note: 'Tall latte',
			confirmedLarge: false
		});
	});

	it('says the cashier confirmed a large sale only when they did', () => {
		const attempt = new SaleAttempt('key-0000-1111', 'BAKERY-7K2Q-X9A', 4);
		const values = { sale: '1234', newCustomer: false, note: '' };
		expect(attempt.input(values).confirmedLarge).toBe(false);
		const again = attempt.input({ ...values, confirmedLarge: true });
		// The second Enter is the same attempt: same key, now confirmed.
		expect(again).toMatchObject({ idempotencyKey: 'key-0000-1111', confirmedLarge: true });
	});

	it('makes a new key for each attempt', () => {
		const keys = new Set(Array.from({ length: 20 }, () => newAttemptKey()));
		expect(keys.size).toBe(20);
	});

	it('builds a UUID v4 where randomUUID is missing', () => {
		const key = newAttemptKey({
			getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
				(array as unknown as Uint8Array).fill(0xff);
				return array;
			}
		});
		expect(key).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
		expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
});

describe('times', () => {
	it('rounds the latency to whole milliseconds', () => {
		expect(latencyMs(100.25, 187.75)).toBe(88);
		expect(latencyMs(5, 4)).toBe(0);
	});

	it('shows only the clock for today’s redemptions', () => {
		const now = new Date(2026, 10, 24, 18, 0);
		const today = new Date(2026, 10, 24, 9, 5);
		const earlier = new Date(2026, 10, 20, 9, 5);
		expect(recentTimeText(today.toISOString(), locale, now)).toBe('09:05');
		expect(recentTimeText(earlier.toISOString(), locale, now)).toBe('20 Nov 2026, 09:05');
		expect(recentTimeText('not a time', locale, now)).toBe('not a time');
	});

	it('shows a lookup’s time to the second', () => {
		expect(clockText(new Date(2026, 10, 24, 9, 5, 7), locale)).toBe('09:05:07');
		expect(clockText(new Date(2026, 10, 24, 9, 5, 7), 'xx-not-a-locale!')).toMatch(/05/);
	});
});
