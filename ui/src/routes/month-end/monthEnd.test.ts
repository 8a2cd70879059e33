import { afterEach, describe, expect, it } from 'vitest';
import type { MonthEndRow } from '$lib/api/bindings/MonthEndRow';
import { setShopZone } from '$lib/format';
import {
	blankPaper,
	blankSettle,
	changedKeyWarning,
	chosenPartner,
	dayOf,
	netText,
	printedLead,
	progressText,
	receivableInput,
	recentMonths,
	settleSentence,
	settlementInput
} from './monthEnd';

const bakery: MonthEndRow = {
	partnerId: 3,
	name: 'Crumb & Co. Bakery',
	twoWay: true,
	weOwe: '€3.00',
	theyOwe: '€1.86',
	net: { direction: 'weOwe', amount: '€1.14' },
	proposedAmount: '1.14',
	lastSent: null,
	lastReceived: null,
	settlement: null,
	settleable: true
};

describe('recentMonths', () => {
	it('offers 24 months by name, this one first, each whole', () => {
		const months = recentMonths('2026-12-15', 'en-GB');
		expect(months).toHaveLength(24);
		expect(months[0]).toEqual({
			value: '2026-12',
			from: '2026-12-01',
			to: '2026-12-31',
			label: 'December 2026'
		});
		expect(months[23]).toMatchObject({ value: '2025-01', from: '2025-01-01', to: '2025-01-31' });
	});

	it('crosses into the year before and knows a leap February', () => {
		const months = recentMonths('2028-03-01', 'en-GB', 3);
		expect(months.map((m) => [m.from, m.to])).toEqual([
			['2028-03-01', '2028-03-31'],
			['2028-02-01', '2028-02-29'],
			['2028-01-01', '2028-01-31']
		]);
		expect(recentMonths('2027-01-31', 'en-GB', 2)[1].label).toBe('December 2026');
	});

	it('names months in the shop locale, or the computer’s when that one is unknown', () => {
		expect(recentMonths('2026-12-15', 'de-DE', 1)[0].label).toBe('Dezember 2026');
		expect(recentMonths('2026-12-15', 'not a locale!', 1)[0].label).toMatch(/2026/);
	});
});

describe('dayOf', () => {
	afterEach(() => setShopZone(undefined));

	it('gives a timestamp’s day in the shop’s zone', () => {
		setShopZone('Pacific/Auckland');
		expect(dayOf('2026-11-30T12:00:00Z', 'en-GB')).toBe('1 December 2026');
		setShopZone('Europe/Dublin');
		expect(dayOf('2026-11-30T12:00:00Z', 'en-GB')).toBe('30 November 2026');
	});
});

describe('words', () => {
	it('says a net in words from the direction the core gives, never from the amount', () => {
		expect(netText({ direction: 'weOwe', amount: '€1.14' })).toBe('We pay €1.14');
		expect(netText({ direction: 'theyOwe', amount: '€1.86' })).toBe('They pay €1.86');
		expect(netText({ direction: 'even', amount: '€0.00' })).toBe('Even');
	});

	it('says what settling does, by direction', () => {
		expect(settleSentence('Crumb & Co. Bakery', 'weOwe')).toBe('We pay Crumb & Co. Bakery');
		expect(settleSentence('Crumb & Co. Bakery', 'theyOwe')).toBe('Crumb & Co. Bakery pays us');
		expect(settleSentence('Crumb & Co. Bakery', 'even')).toBe(
			'The two sides cancel out: nothing changes hands'
		);
	});

	it('names the key on file when another one signed the file', () => {
		expect(changedKeyWarning('3F2A 9C1B')).toBe(
			'Signed with a different key than the one on file (3F2A 9C1B). If they moved to a new computer, confirm with them before accepting.'
		);
	});

	it('counts the statements printed and says who came last', () => {
		expect(progressText({ done: 3, total: 7, partner: 'Crumb & Co. Bakery' })).toBe(
			'3 of 7 — Crumb & Co. Bakery'
		);
		expect(printedLead({ folder: '/s', statements: 7 })).toBe(
			'Saved 7 statements (PDF and signed file each) to'
		);
		expect(printedLead({ folder: '/s', statements: 1 })).toBe(
			'Saved 1 statement (PDF and signed file) to'
		);
	});
});

describe('forms', () => {
	it('prefills the settlement with the net the core proposes, settled today', () => {
		expect(blankSettle(bakery, '2027-01-05')).toEqual({
			amount: '1.14',
			settledOn: '2027-01-05',
			method: 'bankTransfer',
			reference: ''
		});
	});

	it('sends the settlement for the month shown, as typed', () => {
		const draft = { ...blankSettle(bakery, '2027-01-05'), amount: ' 1,10 ', reference: 'DEC' };
		expect(settlementInput(draft, { from: '2026-12-01', to: '2026-12-31' })).toEqual({
			periodFrom: '2026-12-01',
			periodTo: '2026-12-31',
			settledOn: '2027-01-05',
			amount: ' 1,10 ',
			method: 'bankTransfer',
			reference: 'DEC'
		});
	});

	it('starts a paper statement on the month shown and sends it without the partner', () => {
		const draft = { ...blankPaper({ from: '2026-11-01', to: '2026-11-30' }), partnerId: '3' };
		expect(draft.periodFrom).toBe('2026-11-01');
		expect(receivableInput({ ...draft, customers: '3', amount: '1,86' })).toEqual({
			periodFrom: '2026-11-01',
			periodTo: '2026-11-30',
			customers: '3',
			amount: '1,86',
			reference: ''
		});
	});

	it('reads the partner select, blank as none', () => {
		expect(chosenPartner('3')).toBe(3);
		expect(chosenPartner('')).toBeNull();
	});
});
