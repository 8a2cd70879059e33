// What the Month-end screen works out for itself: the months it offers, the words for a net
// and a settlement's direction, and what its forms send. Directions come from the core as
// enums and amounts as the core wrote them: nothing here sums or compares money.

import type { Field } from '$lib/api/bindings/Field';
import type { KeyStatus } from '$lib/api/bindings/KeyStatus';
import type { MonthEndRow } from '$lib/api/bindings/MonthEndRow';
import type { NetDirection } from '$lib/api/bindings/NetDirection';
import type { NetView } from '$lib/api/bindings/NetView';
import type { PayoutMethod } from '$lib/api/bindings/PayoutMethod';
import type { PrintedAll } from '$lib/api/bindings/PrintedAll';
import type { PrintProgress } from '$lib/api/bindings/PrintProgress';
import type { ReceivableInput } from '$lib/api/bindings/ReceivableInput';
import type { SettlementInput } from '$lib/api/bindings/SettlementInput';
import { dayText, localIso, todayIso } from '$lib/format';

// ---- Months ----------------------------------------------------------------------------

/** A calendar month as the picker offers it: `value` is `YYYY-MM`, the days `from..=to`. */
export type Month = { value: string; from: string; to: string; label: string };

/** "December 2026" in `locale`, or the computer's when that one is unknown. */
export function monthLabel(year: number, monthIndex: number, locale: string | undefined): string {
	const first = new Date(year, monthIndex, 1);
	const options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
	try {
		return new Intl.DateTimeFormat(locale, options).format(first);
	} catch {
		return new Intl.DateTimeFormat(undefined, options).format(first);
	}
}

/**
 * The `count` months up to the one holding `today` (the shop's day, `YYYY-MM-DD`), newest
 * first, each from its first to its last day.
 */
export function recentMonths(today: string, locale: string | undefined, count = 24): Month[] {
	const y = Number(today.slice(0, 4));
	const m = Number(today.slice(5, 7)) - 1;
	return Array.from({ length: count }, (_, back) => {
		// Date folds a month below 0 into the year before.
		const first = new Date(y, m - back, 1);
		const last = new Date(y, m - back + 1, 0);
		const from = localIso(first);
		return {
			value: from.slice(0, 7),
			from,
			to: localIso(last),
			label: monthLabel(first.getFullYear(), first.getMonth(), locale)
		};
	});
}

/** The shop's calendar day of a timestamp from the core, in words: "24 November 2026". */
export function dayOf(iso: string, locale: string | undefined): string {
	const when = new Date(iso);
	if (Number.isNaN(when.getTime())) return iso;
	return dayText(todayIso(when), locale);
}

/** "1 November 2026 – 30 November 2026". */
export function periodText(from: string, to: string, locale: string | undefined): string {
	return `${dayText(from, locale)} – ${dayText(to, locale)}`;
}

// ---- Words -----------------------------------------------------------------------------

/** A net in words: "We pay €1.14", "They pay €1.86" or "Even". */
export function netText(net: NetView): string {
	switch (net.direction) {
		case 'weOwe':
			return `We pay ${net.amount}`;
		case 'theyOwe':
			return `They pay ${net.amount}`;
		case 'even':
			return 'Even';
	}
}

/** What settling does, from the direction the core gives. */
export function settleSentence(name: string, direction: NetDirection): string {
	switch (direction) {
		case 'weOwe':
			return `We pay ${name}`;
		case 'theyOwe':
			return `${name} pays us`;
		case 'even':
			return 'The two sides cancel out: nothing changes hands';
	}
}

/** What the import dialog says about the key a partner's file was signed with. */
export const keyWords: Record<Exclude<KeyStatus, 'changed'>, string> = {
	new: 'First statement signed with this key. Compare the fingerprint with the one printed on their PDF; from now on only this key is trusted for them.',
	pinned: 'Signature verified with the key on file for them.'
};

/** The warning for a file signed with another key than the one on file. */
export function changedKeyWarning(pinned: string | null): string {
	const onFile = pinned ? ` (${pinned})` : '';
	return `Signed with a different key than the one on file${onFile}. If they moved to a new computer, confirm with them before accepting.`;
}

/** "3 of 7 — Crumb & Co. Bakery". */
export function progressText(progress: PrintProgress): string {
	return `${progress.done} of ${progress.total} — ${progress.partner}`;
}

/** The words before the folder once every statement is written. */
export function printedLead(printed: PrintedAll): string {
	return printed.statements === 1
		? 'Saved 1 statement (PDF and signed file) to'
		: `Saved ${printed.statements} statements (PDF and signed file each) to`;
}

// ---- Forms -----------------------------------------------------------------------------

/** The settle dialog as typed. */
export type SettleDraft = {
	amount: string;
	settledOn: string;
	method: PayoutMethod;
	reference: string;
};

/** The settle dialog's inputs; a refusal naming the period shows on top, as it has none. */
export const settleFields: readonly Field[] = ['amount', 'settledOn', 'reference'];

/** The dialog for `row`, its amount the net as the core proposes it, settled today. */
export function blankSettle(row: MonthEndRow, today: string): SettleDraft {
	return { amount: row.proposedAmount, settledOn: today, method: 'bankTransfer', reference: '' };
}

/** What `settle` is sent: the month's days and the dialog as typed (the core reads the amount). */
export function settlementInput(
	draft: SettleDraft,
	month: { from: string; to: string }
): SettlementInput {
	return { periodFrom: month.from, periodTo: month.to, ...draft };
}

/** The paper statement dialog as typed; `partnerId` is the select's value, '' for none yet. */
export type PaperDraft = {
	partnerId: string;
	periodFrom: string;
	periodTo: string;
	customers: string;
	amount: string;
	reference: string;
};

export const paperFields: readonly Field[] = [
	'periodFrom',
	'periodTo',
	'customers',
	'amount',
	'reference'
];

/** A blank paper statement for the month shown. */
export function blankPaper(month: { from: string; to: string }): PaperDraft {
	return {
		partnerId: '',
		periodFrom: month.from,
		periodTo: month.to,
		customers: '',
		amount: '',
		reference: ''
	};
}

/** What `record_receivable` is sent: the dialog as typed, the partner apart. */
export function receivableInput(draft: PaperDraft): ReceivableInput {
	const { periodFrom, periodTo, customers, amount, reference } = draft;
	return { periodFrom, periodTo, customers, amount, reference };
}

/** The partner a select's value names, or null for none chosen. */
export function chosenPartner(value: string): number | null {
	const id = Number(value);
	return value !== '' && Number.isInteger(id) ? id : null;
}
