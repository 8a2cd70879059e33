import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from '$lib/api';
import { fakeShell, refusalOf, removeFakeShell } from '$lib/api/testing';
import type { Dashboard } from '$lib/api/bindings/Dashboard';
import type { WeekPoint } from '$lib/api/bindings/WeekPoint';
import {
	blankPayout,
	chartGeometry,
	chartSeries,
	countSteps,
	costInput,
	enteredMonth,
	goalInputOf,
	headlines,
	owedSentence,
	payoutFields,
	payoutInput,
	periodProblem,
	presetPeriod,
	revenueSaved,
	splitGoals
} from './money';
import type { GoalView } from '$lib/api/bindings/GoalView';
import type { MonthRevenue } from '$lib/api/bindings/MonthRevenue';
import { placeError } from '$lib/form.svelte';
import { localIso, todayIso } from '$lib/format';

// 15 January 2026 at the shop.
const now = '2026-01-15';

describe('presetPeriod', () => {
	it('this month is the whole month', () => {
		expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
	});

	it('last month crosses into the year before', () => {
		expect(presetPeriod('lastMonth', now)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
	});

	it('last 3 months is this month and the two before', () => {
		expect(presetPeriod('last3Months', now)).toEqual({ from: '2025-11-01', to: '2026-01-31' });
		// Twelve whole months, this one the last: the dashboard's year at a glance.
		expect(presetPeriod('last12Months', now)).toEqual({ from: '2025-02-01', to: '2026-01-31' });
	});

	it('this year is January to December', () => {
		expect(presetPeriod('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
	});

	it('a leap February ends on the 29th', () => {
		expect(presetPeriod('thisMonth', '2028-02-10')).toEqual({
			from: '2028-02-01',
			to: '2028-02-29'
		});
	});

	it('custom keeps the typed days', () => {
		const typed = { from: '2025-03-02', to: '2025-04-09' };
		expect(presetPeriod('custom', now, typed)).toEqual(typed);
	});

	it('a reversed or blank custom period is refused', () => {
		expect(periodProblem({ from: '2026-02-01', to: '2026-01-01' })).toMatch(/after/);
		expect(periodProblem({ from: '', to: '2026-01-01' })).toMatch(/both/);
		expect(periodProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
	});
});
describe('presetPeriod in the last seconds of a month', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('this month is the month ending until midnight, then the next one', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(2026, 10, 30, 23, 59, 50));
		expect(presetPeriod('thisMonth', todayIso())).toEqual({ from: '2026-11-01', to: '2026-11-30' });
		expect(presetPeriod('lastMonth', todayIso())).toEqual({ from: '2026-10-01', to: '2026-10-31' });
		vi.advanceTimersByTime(10_000);
		expect(presetPeriod('thisMonth', todayIso())).toEqual({ from: '2026-12-01', to: '2026-12-31' });
	});

	it('on the year’s last day, the year and the last 3 months stay in it', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(2026, 11, 31, 23, 59, 50));
		expect(presetPeriod('thisYear', todayIso())).toEqual({ from: '2026-01-01', to: '2026-12-31' });
		expect(presetPeriod('last3Months', todayIso())).toEqual({
			from: '2026-10-01',
			to: '2026-12-31'
		});
	});
});

const point = (
	week: string,
	partnerId: number | null,
	redemptions: number,
	salesMinor: number
): WeekPoint => ({
	week,
	partnerId,
	redemptions,
	salesMinor,
	sales: `€${(salesMinor / 100).toFixed(2)}`
});

const order = [
	{ partnerId: 3, name: 'Crumb & Co. Bakery' },
	{ partnerId: 5, name: 'Café Müller' }
];

describe('countSteps', () => {
	it('steps in ones, twos or fives times ten, four at most', () => {
		expect(countSteps(0)).toEqual([0]);
		expect(countSteps(3)).toEqual([0, 1, 2, 3]);
		expect(countSteps(7)).toEqual([0, 2, 4, 6, 8]);
		expect(countSteps(37)).toEqual([0, 10, 20, 30, 40]);
		expect(countSteps(120)).toEqual([0, 50, 100, 150]);
	});
});

describe('chartGeometry', () => {
	const frame = {
		weekStarts: ['2026-01-05', '2026-01-12'],
		axis: [
			{ minor: 0, label: '€0' },
			{ minor: 2000, label: '€20' },
			{ minor: 4000, label: '€40' }
		]
	};
	const points = [
		point('2026-01-12', 5, 1, 1000),
		point('2026-01-05', 3, 4, 4000),
		point('2026-01-12', 3, 2, 2000)
	];

	it('orders weeks by date and partners best first, one colour each', () => {
		const chart = chartGeometry(points, order, 'sales', frame);
		expect(chart.weeks.map((w) => w.week)).toEqual(['2026-01-05', '2026-01-12']);
		expect(chart.series.map((s) => s.name)).toEqual(['Crumb & Co. Bakery', 'Café Müller']);
		expect(new Set(chart.series.map((s) => s.colour)).size).toBe(2);
	});

	it('sizes bars in proportion to the integers, tallest filling the plot', () => {
		const chart = chartGeometry(points, order, 'sales', frame);
		const plotHeight = chart.plot.bottom - chart.plot.top;
		const heights = chart.bars.map((b) => b.height);
		expect(heights).toEqual([plotHeight, plotHeight / 2, plotHeight / 4]);
		for (const bar of chart.bars) expect(bar.y + bar.height).toBe(chart.plot.bottom);
	});

	it('labels the sales axis with the core steps, not a computed amount', () => {
		const chart = chartGeometry(points, order, 'sales', frame);
		expect(chart.ticks.map((t) => t.label)).toEqual(['€0', '€20', '€40']);
		expect(chart.ticks.map((t) => t.y)).toEqual([
			chart.plot.bottom,
			(chart.plot.bottom + chart.plot.top) / 2,
			chart.plot.top
		]);
	});

	it('labels the redemptions axis in round counts', () => {
		const chart = chartGeometry(points, order, 'redemptions', frame);
		expect(chart.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
	});

	it('gives every week of the period its place, empty ones too', () => {
		const chart = chartGeometry(points, order, 'sales', {
			...frame,
			weekStarts: ['2026-01-05', '2026-01-12', '2026-01-19']
		});
		expect(chart.weeks.map((w) => w.week)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
		expect(chart.bars.filter((b) => b.week === '2026-01-19')).toEqual([]);
	});

	it('labels at most eight weeks of a year', () => {
		const year = Array.from({ length: 53 }, (_, i) => localIso(new Date(2026, 0, 5 + 7 * i)));
		const chart = chartGeometry(points, order, 'sales', { ...frame, weekStarts: year });
		expect(chart.weeks).toHaveLength(53);
		expect(chart.weeks.filter((w) => w.labelled).length).toBeLessThanOrEqual(8);
	});

	it('titles each bar with the exact figures', () => {
		const chart = chartGeometry(points, order, 'sales', frame, () => '12 Jan');
		expect(chart.bars[2].title).toBe('Café Müller, week of 12 Jan: 1 redemption, sales €10.00');
	});

	it('keeps bars inside the plot and apart', () => {
		const chart = chartGeometry(points, order, 'sales', frame);
		for (const bar of chart.bars) {
			expect(bar.x).toBeGreaterThanOrEqual(chart.plot.left);
			expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.right);
		}
		const [a, b] = chart.bars.filter((bar) => bar.week === '2026-01-12');
		expect(a.x + a.width).toBeLessThanOrEqual(b.x);
	});

	it('names a partner missing from the list rather than dropping its bars', () => {
		expect(chartSeries([point('2026-01-05', 9, 1, 100)], order)).toEqual([
			{ partnerId: 9, name: 'Partner 9', colour: expect.any(String) }
		]);
	});

	it('draws the partners the core folded together as one series, last', () => {
		const points = [
			point('2026-01-05', null, 40, 90000),
			point('2026-01-05', 5, 2, 3000),
			point('2026-01-12', 3, 1, 1250)
		];
		const series = chartSeries(points, order);
		expect(series.map((s) => [s.partnerId, s.name])).toEqual([
			[3, 'Crumb & Co. Bakery'],
			[5, 'Café Müller'],
			[null, 'Other partners']
		]);
		const chart = chartGeometry(points, order, 'redemptions', {
			weekStarts: ['2026-01-05', '2026-01-12'],
			axis: []
		});
		const others = chart.bars.filter((b) => b.partnerId === null);
		expect(others).toHaveLength(1);
		expect(others[0].title).toBe('Other partners, week of 2026-01-05: 40 redemptions, sales €900.00');
		// The tallest bar is the others' 40, on a round axis.
		expect(chart.ticks.at(-1)?.label).toBe('40');
	});

	it('an empty period has no bars and a zero axis', () => {
		// The core's axis for a period with nothing: one step, so it says what it measures.
		const chart = chartGeometry([], order, 'sales', {
			weekStarts: ['2026-01-05'],
			axis: [
				{ minor: 0, label: '€0' },
				{ minor: 100, label: '€1' }
			]
		});
		expect(chart.bars).toEqual([]);
		expect(chart.weeks.map((w) => w.week)).toEqual(['2026-01-05']);
		expect(chart.ticks.map((t) => t.label)).toEqual(['€0', '€1']);
	});
});

describe('balance words', () => {
	it('says who owes whom from the direction the core gives, never from the amount', () => {
		expect(owedSentence('Crumb & Co. Bakery', { direction: 'weOwe', amount: '€3.14' })).toBe(
			'You owe Crumb & Co. Bakery €3.14'
		);
		expect(
			owedSentence('Crumb & Co. Bakery', { direction: 'paidInAdvance', amount: '€2.00' })
		).toBe('Crumb & Co. Bakery has been paid €2.00 in advance');
		expect(owedSentence('Café Müller', { direction: 'settled', amount: '0,00 €' })).toBe(
			'You and Café Müller are all square'
		);
	});
});

describe('forms', () => {
	it('the payout form is sent as typed, with the owner yes', () => {
		const draft = { ...blankPayout('2026-01-15'), amount: ' 3,14 ', reference: 'JAN' };
		expect(payoutInput(draft, true)).toEqual({
			paidOn: '2026-01-15',
			amount: ' 3,14 ',
			method: 'bankTransfer',
			reference: 'JAN',
			periodFrom: '',
			periodTo: '',
			confirmOverBalance: true
		});
	});

	it('an over-balance refusal lands beside the amount, and the resend carries the owner’s yes', async () => {
		// Like the core: the partner is owed €3.14; more is refused unless the owner confirmed.
		const sent = fakeShell((_cmd, args) => {
			const { input } = args as { input: api.payouts.PayoutInput };
			if (Number(input.amount) > 3.14 && !input.confirmOverBalance) {
				throw { code: 'over_balance', message: 'More than is owed.', field: 'amount' };
			}
			return { id: 7, amount: '€5.00', paidOn: input.paidOn };
		});
		try {
			const draft = { ...blankPayout('2026-11-30'), amount: '5' };
			const refusal = await refusalOf(api.payouts.record(3, payoutInput(draft, false)));
			expect(refusal.code).toBe('over_balance');
			expect(placeError(refusal, payoutFields)).toEqual({
				fields: { amount: 'More than is owed.' },
				form: null
			});
			await expect(api.payouts.record(3, payoutInput(draft, true))).resolves.toMatchObject({
				amount: '€5.00'
			});
			expect(sent.map((s) => (s.args as { input: api.payouts.PayoutInput }).input)).toEqual([
				{ ...draft, confirmOverBalance: false },
				{ ...draft, confirmOverBalance: true }
			]);
		} finally {
			removeFakeShell();
		}
	});

	it('a cost without a partner or campaign sends null, with one sends its id', () => {
		const draft = {
			spentOn: '2026-01-02',
			category: 'events' as const,
			amount: '40',
			partnerId: '',
			description: 'Market stall',
			campaignId: ''
		};
		expect(costInput(draft)).toMatchObject({ partnerId: null, campaignId: null });
		expect(costInput({ ...draft, partnerId: '3', campaignId: '4' })).toMatchObject({
			partnerId: 3,
			campaignId: 4
		});
	});
});

describe('headlines', () => {
	const dashboard: Dashboard = {
		from: '2026-01-01',
		to: '2026-01-31',
		total: {
			redemptions: 1,
			newCustomers: 0,
			sales: '€12.50',
			discounts: '€1.25',
			commissions: '€1.13',
			costs: '€0.00',
			income: '€0.62',
			received: '€0.00',
			revenue: '€11.25',
			sourced: '€0.00',
			influenced: '€11.25',
			programCost: '€1.13',
			cac: null,
			roi: '950 %'
		},
		shopRevenue: null,
		share: null,
		shareHint: null,
		partners: [],
		sharedCosts: '€0.00',
		weeks: [],
		weekStarts: [],
		weekAxis: [],
		trend: { months: [], axis: [] },
		goals: []
	};

	it('leads with what referred customers paid, then what partners sourced and influenced', () => {
		const cards = headlines(dashboard);
		expect(cards.slice(0, 3)).toMatchObject([
			{ figure: 'revenue', label: 'What referred customers paid', value: '€11.25' },
			{ figure: 'sourced', label: 'Partner-sourced', value: '€0.00' },
			{ figure: 'influenced', label: 'Partner-influenced', value: '€11.25' }
		]);
		expect(cards[0].hint).toMatch(/sales less discounts/);
		expect(cards.find((c) => c.figure === 'discounts')?.hint).toMatch(/already off/i);
	});

	it('shows every figure as received and a dash with a reason when missing', () => {
		const cards = headlines(dashboard);
		expect(cards.map((c) => c.figure)).toEqual([
			'revenue',
			'sourced',
			'influenced',
			'sales',
			'newCustomers',
			'commissions',
			'income',
			'discounts',
			'programCost',
			'cac',
			'roi',
			'share'
		]);
		expect(cards.find((c) => c.figure === 'sales')).toMatchObject({
			value: '€12.50',
			hint: '1 redemption logged, before discounts'
		});
		expect(cards.find((c) => c.figure === 'cac')).toMatchObject({ value: '—', missing: true });
		expect(cards.find((c) => c.figure === 'roi')).toMatchObject({ value: '950 %', missing: false });
		expect(cards.find((c) => c.figure === 'share')?.hint).toMatch(/Costs & goals/);
	});

	it('shows what partners owe us with what they paid as its small text', () => {
		expect(headlines(dashboard).find((c) => c.figure === 'income')).toMatchObject({
			label: 'Owed to us by partners',
			value: '€0.62',
			hint: 'Received: €0.00',
			missing: false
		});
	});

	it('says that cost per new customer and ROI count partner income', () => {
		const cards = headlines({ ...dashboard, total: { ...dashboard.total, cac: '€1.76' } });
		expect(cards.find((c) => c.figure === 'cac')?.hint).toMatch(/partner income/);
		expect(cards.find((c) => c.figure === 'roi')?.hint).toMatch(/partner income/);
	});

	it('defines ROI in words on its card, on what referred customers paid', () => {
		const roi = headlines(dashboard).find((c) => c.figure === 'roi');
		expect(roi?.label).toBe('Return on investment (ROI)');
		expect(roi?.hint).toBe(
			'What referred customers paid plus partner income, less the program cost, as a share of that cost'
		);
	});

	it('names the costs booked to no partner in the headline cost per new customer', () => {
		const cards = headlines({
			...dashboard,
			sharedCosts: '€151.00',
			total: { ...dashboard.total, cac: '€160.00' }
		});
		expect(cards.find((c) => c.figure === 'cac')?.hint).toMatch(
			/includes €151.00 of costs booked to no partner/
		);
	});

	it('says which whole months the share was worked out over, or why there are none', () => {
		const shared = headlines({
			...dashboard,
			shopRevenue: '€20,000.00',
			share: '12.5 %',
			shareHint: "Of the shop's €20,000.00 in October and November 2026"
		});
		expect(shared.find((c) => c.figure === 'share')).toMatchObject({
			value: '12.5 %',
			hint: "Of the shop's €20,000.00 in October and November 2026",
			missing: false
		});
		const partial = headlines({
			...dashboard,
			shareHint:
				"Needs whole months: no month with the shop's revenue entered lies wholly in this period"
		});
		expect(partial.find((c) => c.figure === 'share')).toMatchObject({
			value: '—',
			hint: expect.stringMatching(/Needs whole months/),
			missing: true
		});
	});
});

describe('corrections', () => {
	const entry = (amount: string, reason: string) => ({
		amount,
		reason,
		at: '2026-11-18T15:00:00Z',
		by: 'Ada'
	});
	const november: MonthRevenue = {
		month: '2026-11',
		label: 'November 2026',
		amount: '€1,000.00',
		history: [entry('€1,000.00', '')]
	};
	const corrected: MonthRevenue = {
		...november,
		amount: '€500.00',
		history: [entry('€500.00', 'Typed a zero too many'), ...november.history]
	};

	it('knows a month already entered, however it was spaced', () => {
		expect(enteredMonth([november], ' 2026-11 ')).toBe(november);
		expect(enteredMonth([november], '2026-12')).toBeNull();
		expect(enteredMonth([], '2026-11')).toBeNull();
	});

	it('says whether a figure was first saved, corrected or unchanged, in the core’s words', () => {
		expect(revenueSaved(null, november)).toBe('Saved the revenue for 2026-11.');
		expect(revenueSaved(november, corrected)).toBe(
			'Corrected the revenue for 2026-11: €500.00 is in force, €1,000.00 stays in the history.'
		);
		expect(revenueSaved(corrected, corrected)).toBe(
			'November 2026 already has €500.00: nothing changed.'
		);
	});

	it('a correction without a reason is refused beside the reason field', async () => {
		fakeShell(() => {
			throw {
				code: 'invalid_input',
				message: 'This month already has a figure: say why it changes.',
				field: 'reason'
			};
		});
		try {
			const refusal = await refusalOf(
				api.program.setMonthRevenue({ month: '2026-11', amount: '500', reason: '' })
			);
			expect(placeError(refusal, ['month', 'amount', 'reason'])).toEqual({
				fields: { reason: 'This month already has a figure: say why it changes.' },
				form: null
			});
		} finally {
			removeFakeShell();
		}
	});

	const goal = (id: number, archived: GoalView['archived']): GoalView => ({
		id,
		kind: 'revenueShare',
		title: `Goal ${id}`,
		target: '12.5',
		byMonth: '2027-06',
		setAt: '2026-11-18T15:00:00Z',
		setBy: 'Ada',
		replaces: null,
		archived
	});

	it('fills the goal form with the goal as the core gives its target back', () => {
		expect(goalInputOf(goal(3, null))).toEqual({
			kind: 'revenueShare',
			target: '12.5',
			byMonth: '2027-06'
		});
	});

	it('keeps archived goals apart from those the dashboard tracks, in the core’s order', () => {
		const gone = { at: '2026-11-19T09:00:00Z', by: 'Ada', reason: '', replacedBy: 5 };
		const goals = [goal(5, null), goal(6, null), goal(3, gone)];
		const { active, archived } = splitGoals(goals);
		expect(active.map((g) => g.id)).toEqual([5, 6]);
		expect(archived.map((g) => g.id)).toEqual([3]);
	});
});
