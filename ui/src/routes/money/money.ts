// What the Money screen works out for itself: the period presets, the chart's geometry (from
// integers only), the words around balances, and what the forms send. Money is never parsed
// or summed here: amounts arrive written by the core and are shown as they are.

import type { AxisTick } from '$lib/api/bindings/AxisTick';
import type { BalanceView } from '$lib/api/bindings/BalanceView';
import type { CostCategory } from '$lib/api/bindings/CostCategory';
import type { CostInput } from '$lib/api/bindings/CostInput';
import type { Dashboard } from '$lib/api/bindings/Dashboard';
import type { Field } from '$lib/api/bindings/Field';
import type { GoalInput } from '$lib/api/bindings/GoalInput';
import type { GoalKind } from '$lib/api/bindings/GoalKind';
import type { GoalView } from '$lib/api/bindings/GoalView';
import type { MonthRevenue } from '$lib/api/bindings/MonthRevenue';
import type { PartnerId } from '$lib/api/bindings/PartnerId';
import type { PayoutInput } from '$lib/api/bindings/PayoutInput';
import type { PayoutMethod } from '$lib/api/bindings/PayoutMethod';
import type { ReceivableSource } from '$lib/api/bindings/ReceivableSource';
import type { WeekPoint } from '$lib/api/bindings/WeekPoint';
import { localIso } from '$lib/format';

// ---- Period ----------------------------------------------------------------------------

export type Preset =
	'thisMonth' | 'lastMonth' | 'last3Months' | 'last12Months' | 'thisYear' | 'custom';

export const presetLabels: Record<Preset, string> = {
	thisMonth: 'This month',
	lastMonth: 'Last month',
	last3Months: 'Last 3 months',
	last12Months: 'Last 12 months',
	thisYear: 'This year',
	custom: 'Custom'
};

export const presets = Object.keys(presetLabels) as Preset[];

/** Days `from..=to`, both `YYYY-MM-DD`. */
export type Period = { from: string; to: string };

function firstOfMonth(year: number, month: number): Date {
	// Date normalises a month below 0 or above 11 into the year before or after.
	return new Date(year, month, 1);
}

function lastOfMonth(year: number, month: number): Date {
	return new Date(year, month + 1, 0);
}

/**
 * The days a preset covers around `today` (the shop's day, `YYYY-MM-DD`). Whole months (and
 * the whole year), so a statement printed for "This month" reads as the month, not up to
 * today. `custom` keeps `current`, since its days are typed.
 */
export function presetPeriod(preset: Preset, today: string, current?: Period): Period {
	const y = Number(today.slice(0, 4));
	const m = Number(today.slice(5, 7)) - 1;
	switch (preset) {
		case 'thisMonth':
			return { from: localIso(firstOfMonth(y, m)), to: localIso(lastOfMonth(y, m)) };
		case 'lastMonth':
			return { from: localIso(firstOfMonth(y, m - 1)), to: localIso(lastOfMonth(y, m - 1)) };
		case 'last3Months':
			return { from: localIso(firstOfMonth(y, m - 2)), to: localIso(lastOfMonth(y, m)) };
		case 'last12Months':
			return { from: localIso(firstOfMonth(y, m - 11)), to: localIso(lastOfMonth(y, m)) };
		case 'thisYear':
			return { from: `${y}-01-01`, to: `${y}-12-31` };
		case 'custom':
			return current ?? presetPeriod('thisMonth', today);
	}
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Why a typed period cannot be asked for, or null when it can. */
export function periodProblem(period: Period): string | null {
	if (!isoDay.test(period.from) || !isoDay.test(period.to)) return 'Enter both dates.';
	// ISO days compare correctly as text.
	if (period.from > period.to) return 'The first day is after the last.';
	return null;
}

/** `YYYY-MM` of a `YYYY-MM-DD` day, the form a month input holds. */
export function monthOf(day: string): string {
	return day.slice(0, 7);
}

// ---- Headline figures ------------------------------------------------------------------

export type FigureKey =
	| 'revenue'
	| 'sourced'
	| 'influenced'
	| 'sales'
	| 'newCustomers'
	| 'commissions'
	| 'income'
	| 'discounts'
	| 'programCost'
	| 'cac'
	| 'roi'
	| 'share';

export type Headline = {
	figure: FigureKey;
	label: string;
	/** As the core wrote it, or "—" when it cannot be worked out. */
	value: string;
	/** What the figure means, or why it is missing. */
	hint: string;
	missing: boolean;
};

/**
 * The dashboard's headline cards, in reading order: the one revenue figure first (what
 * referred customers paid), split into what partners sourced and influenced, then the
 * figures it is explained by and measured against.
 */
export function headlines(d: Dashboard): Headline[] {
	const t = d.total;
	const card = (figure: FigureKey, label: string, value: string, hint: string): Headline => ({
		figure,
		label,
		value,
		hint,
		missing: false
	});
	const maybe = (
		figure: FigureKey,
		label: string,
		value: string | null,
		hint: string,
		whyMissing: string
	): Headline =>
		value === null
			? { figure, label, value: '—', hint: whyMissing, missing: true }
			: card(figure, label, value, hint);
	return [
		card(
			'revenue',
			'What referred customers paid',
			t.revenue,
			'The program’s revenue: sales less discounts'
		),
		card('sourced', 'Partner-sourced', t.sourced, 'Paid by new customers'),
		card(
			'influenced',
			'Partner-influenced',
			t.influenced,
			'Paid by returning customers with a code'
		),
		card(
			'sales',
			'Sales brought',
			t.sales,
			`${countText(t.redemptions, 'redemption')} logged, before discounts`
		),
		card('newCustomers', 'New customers', String(t.newCustomers), 'First visit through a partner'),
		card('commissions', 'Commission earned', t.commissions, 'What partners earned'),
		// What two-way partners owe us for the customers we sent them; what they paid is the
		// small text, as the core wrote both.
		card('income', 'Owed to us by partners', t.income, `Received: ${t.received}`),
		card('discounts', 'Discounts given', t.discounts, 'Already off what customers paid'),
		card('programCost', 'Program cost', t.programCost, `Commission and ${t.costs} of other costs`),
		maybe(
			'cac',
			'Cost per new customer (CAC)',
			t.cac,
			`(Program cost − partner income) ÷ new customers; includes ${d.sharedCosts} of costs booked to no partner`,
			'No new customers in this period'
		),
		maybe(
			'roi',
			'Return on investment (ROI)',
			t.roi,
			'What referred customers paid plus partner income, less the program cost, as a share of that cost',
			'Nothing spent yet'
		),
		maybe(
			'share',
			'Share of revenue',
			d.share,
			// The core says which whole months it divided over, or why there are none.
			d.shareHint ?? "Of the shop's revenue",
			d.shareHint ?? "Enter the shop's revenue for these months under Costs & goals"
		)
	];
}

/** "1 redemption", "3 redemptions". */
export function countText(n: number, word: string): string {
	return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** Whether anything happened in the period worth a dashboard. */
export function isQuiet(d: Dashboard): boolean {
	return d.total.redemptions === 0 && d.partners.length === 0 && d.weeks.length === 0;
}

// ---- Chart -----------------------------------------------------------------------------

/**
 * One colour per partner, in legend order. Picked to tell apart for common colour blindness
 * (after Okabe & Ito) and to stand out on white; a legend names each, so colour is not alone.
 */
export const palette = [
	'#1d57b3',
	'#d55e00',
	'#009e73',
	'#cc79a7',
	'#8a6d00',
	'#56b4e9',
	'#6a3d9a',
	'#4f5768'
];

export type Measure = 'sales' | 'redemptions';

/** A partner drawn on its own, or (`partnerId` null) the other partners together. */
export type Series = { partnerId: PartnerId | null; name: string; colour: string };

/** What the chart calls the partners the core folds together, past the palette's colours. */
export const OTHER_PARTNERS = 'Other partners';

export type Bar = {
	partnerId: PartnerId | null;
	week: string;
	x: number;
	y: number;
	width: number;
	height: number;
	colour: string;
	/** The exact figures, for the bar's <title>. */
	title: string;
};

export type Chart = {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	series: Series[];
	/** Every week of the period; only some are `labelled`, so a year's labels do not collide. */
	weeks: { week: string; x: number; labelled: boolean }[];
	bars: Bar[];
	/** Horizontal lines with their labels, bottom up. */
	ticks: { y: number; label: string }[];
};

/** What the core says about the period's weeks: each Monday, and the sales axis. */
export type WeekFrame = { weekStarts: readonly string[]; axis: readonly AxisTick[] };

/** At most this many week labels under the chart, so a year's stay readable. */
const WEEK_LABELS = 8;

/** Round steps for a count axis: 1, 2 or 5 times a power of ten, at most four of them. */
export function countSteps(max: number): number[] {
	if (max <= 0) return [0];
	let step = 1;
	for (let scale = 1; ; scale *= 10) {
		const fit = [1, 2, 5].map((m) => m * scale).find((s) => max / s <= 4);
		if (fit) {
			step = fit;
			break;
		}
	}
	const top = Math.ceil(max / step) * step;
	return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

const size = { width: 640, height: 240, left: 64, right: 8, top: 14, bottom: 28 };

/**
 * The partners the chart shows, in `order` (best first) then any others met in `points`,
 * and last the other partners together (the core folds the rest into one, `partnerId`
 * null); colours repeat past the palette's end.
 */
export function chartSeries(
	points: readonly WeekPoint[],
	order: readonly { partnerId: PartnerId; name: string }[]
): Series[] {
	const seen = new Set<PartnerId | null>(points.map((p) => p.partnerId));
	const listed: { partnerId: PartnerId | null; name: string }[] = order.filter((p) =>
		seen.has(p.partnerId)
	);
	const known = new Set(listed.map((p) => p.partnerId));
	const unnamed = [...seen]
		.filter((id): id is PartnerId => id !== null && !known.has(id))
		.map((id) => ({ partnerId: id, name: `Partner ${id}` }));
	const rest = seen.has(null) ? [{ partnerId: null, name: OTHER_PARTNERS }] : [];
	return [...listed, ...unnamed, ...rest].map((p, i) => ({
		partnerId: p.partnerId,
		name: p.name,
		colour: palette[i % palette.length]
	}));
}

function value(point: WeekPoint, measure: Measure): number {
	// salesMinor is an integer count of cents, used only to size the bar, never shown.
	return measure === 'sales' ? point.salesMinor : point.redemptions;
}

/**
 * Bars grouped by week (Monday), one per partner, heights from integers; every week of the
 * period has its place, empty or not. The sales axis is the core's (round steps, written
 * by it), so no money is formatted here; the count axis steps in round numbers.
 */
export function chartGeometry(
	points: readonly WeekPoint[],
	order: readonly { partnerId: PartnerId; name: string }[],
	measure: Measure,
	frame: WeekFrame,
	weekLabel: (week: string) => string = (w) => w
): Chart {
	const series = chartSeries(points, order);
	const weeks = [...new Set([...frame.weekStarts, ...points.map((p) => p.week)])].sort();
	const plot = {
		left: size.left,
		top: size.top,
		right: size.width - size.right,
		bottom: size.height - size.bottom
	};
	const plotWidth = plot.right - plot.left;
	const plotHeight = plot.bottom - plot.top;
	const tallest = points.reduce((most, p) => Math.max(most, value(p, measure)), 0);
	const steps =
		measure === 'sales'
			? frame.axis.map((t) => ({ at: t.minor, label: t.label }))
			: countSteps(tallest).map((n) => ({ at: n, label: String(n) }));
	// The axis's top step, or the tallest bar should the axis stop short of it.
	const max = Math.max(tallest, ...steps.map((s) => s.at));
	const groupWidth = weeks.length ? plotWidth / weeks.length : plotWidth;
	const barWidth = series.length ? Math.min(28, (groupWidth * 0.8) / series.length) : 0;
	const bars: Bar[] = [];
	const byWeek = new Map(points.map((p) => [`${p.week}|${p.partnerId}`, p]));
	weeks.forEach((week, w) => {
		const groupLeft = plot.left + w * groupWidth + (groupWidth - barWidth * series.length) / 2;
		series.forEach((s, i) => {
			const point = byWeek.get(`${week}|${s.partnerId}`);
			if (!point) return;
			const v = value(point, measure);
			// A week with a little activity still gets a sliver, so it is not read as none.
			const height = max > 0 && v > 0 ? Math.max(2, (v / max) * plotHeight) : 0;
			bars.push({
				partnerId: s.partnerId,
				week,
				x: groupLeft + i * barWidth,
				y: plot.bottom - height,
				width: Math.max(1, barWidth - 2),
				height,
				colour: s.colour,
				title: `${s.name}, week of ${weekLabel(week)}: ${countText(point.redemptions, 'redemption')}, sales ${point.sales}`
			});
		});
	});
	const ticks = steps.map((s) => ({
		y: max > 0 ? plot.bottom - (s.at / max) * plotHeight : plot.bottom,
		label: s.label
	}));
	const every = Math.max(1, Math.ceil(weeks.length / WEEK_LABELS));
	return {
		width: size.width,
		height: size.height,
		plot,
		series,
		weeks: weeks.map((week, w) => ({
			week,
			x: plot.left + (w + 0.5) * groupWidth,
			labelled: w % every === 0
		})),
		bars,
		ticks
	};
}

/** A week's Monday, short: "24 Nov". */
export function weekText(week: string, locale: string | undefined): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(week);
	if (!match) return week;
	const when = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	try {
		return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(when);
	} catch {
		return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(when);
	}
}

/** What the chart shows, in one sentence for its aria-label. */
export function chartSummary(chart: Chart, measure: Measure): string {
	const what = measure === 'sales' ? 'Sales' : 'Redemptions';
	const names = chart.series.map((s) => s.name).join(', ');
	return `${what} per week and partner over ${countText(chart.weeks.length, 'week')}: ${names}. The same figures are in the table that follows.`;
}

// ---- Balance ---------------------------------------------------------------------------

/**
 * "You owe Crumb & Co. Bakery €3.14", "… has been paid €2.00 in advance" or "… are all
 * square". Which way the balance points comes from the core, never from the amount's text.
 */
export function owedSentence(name: string, closing: BalanceView): string {
	switch (closing.direction) {
		case 'weOwe':
			return `You owe ${name} ${closing.amount}`;
		case 'paidInAdvance':
			return `${name} has been paid ${closing.amount} in advance`;
		case 'settled':
			return `You and ${name} are all square`;
	}
}

// ---- Forms -----------------------------------------------------------------------------

export const methodLabels: Record<PayoutMethod, string> = {
	bankTransfer: 'Bank transfer',
	cash: 'Cash',
	storeCredit: 'Store credit',
	other: 'Other'
};

/** Where an entry of what a partner owes us came from. */
export const sourceLabels: Record<ReceivableSource, string> = {
	statementFile: 'statement file',
	typed: 'typed'
};

export const categoryLabels: Record<CostCategory, string> = {
	printing: 'Printing',
	events: 'Events',
	jointPromotion: 'Joint promotion',
	other: 'Other'
};

export const goalKindLabels: Record<GoalKind, string> = {
	revenueShare: 'Share of revenue via partners (%)',
	newCustomersPerMonth: 'New customers per month'
};

export function options<T extends string>(
	labels: Record<T, string>
): { value: T; label: string }[] {
	return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** The payout form as typed. */
export type PayoutDraft = {
	paidOn: string;
	amount: string;
	method: PayoutMethod;
	reference: string;
	periodFrom: string;
	periodTo: string;
};

export const payoutFields: readonly Field[] = [
	'paidOn',
	'amount',
	'reference',
	'periodFrom',
	'periodTo'
];

export function blankPayout(today: string): PayoutDraft {
	return {
		paidOn: today,
		amount: '',
		method: 'bankTransfer',
		reference: '',
		periodFrom: '',
		periodTo: ''
	};
}

/** What `record_payout` is sent: the form as typed (the core reads the amount) and the owner's yes. */
export function payoutInput(draft: PayoutDraft, confirmOverBalance: boolean): PayoutInput {
	return { ...draft, confirmOverBalance };
}

/** The cost form as typed; `partnerId` is the select's value, '' for none. */
export type CostDraft = {
	spentOn: string;
	category: CostCategory;
	amount: string;
	/** A select's value: '' for none. */
	partnerId: string;
	description: string;
	/** A select's value: '' for none. */
	campaignId: string;
};

export const costFields: readonly Field[] = [
	'spentOn',
	'category',
	'amount',
	'partner',
	'description'
];

/** A new cost spent `today`, booked to campaign `campaignId` when given. */
export function blankCost(today: string, campaignId = ''): CostDraft {
	return {
		spentOn: today,
		category: 'printing',
		amount: '',
		partnerId: '',
		description: '',
		campaignId
	};
}

/** A select's value as an id, or null for none. */
function idOf(value: string): number | null {
	const id = Number(value);
	return value !== '' && Number.isInteger(id) ? id : null;
}

export function costInput(draft: CostDraft): CostInput {
	return {
		spentOn: draft.spentOn,
		category: draft.category,
		amount: draft.amount,
		partnerId: idOf(draft.partnerId),
		description: draft.description,
		campaignId: idOf(draft.campaignId)
	};
}

// ---- Corrections -----------------------------------------------------------------------

/** The month already entered that `typed` names (`2026-11`, spaces around it ignored). */
export function enteredMonth(months: readonly MonthRevenue[], typed: string): MonthRevenue | null {
	const month = typed.trim();
	return months.find((m) => m.month === month) ?? null;
}

/**
 * What the revenue form says once saved, from the month as it was (`before`, null for a
 * first figure) and as the core answered: the figures are the core's, never worked out here.
 */
export function revenueSaved(before: MonthRevenue | null, saved: MonthRevenue): string {
	if (before === null) return `Saved the revenue for ${saved.month}.`;
	if (saved.history.length === before.history.length) {
		return `${saved.label} already has ${saved.amount}: nothing changed.`;
	}
	return `Corrected the revenue for ${saved.month}: ${saved.amount} is in force, ${before.amount} stays in the history.`;
}

/** The goal form filled with `goal`, to edit it. */
export function goalInputOf(goal: GoalView): GoalInput {
	return { kind: goal.kind, target: goal.target, byMonth: goal.byMonth };
}

/** Goals the dashboard tracks, and archived ones, each in the core's order. */
export function splitGoals(goals: readonly GoalView[]): {
	active: GoalView[];
	archived: GoalView[];
} {
	return {
		active: goals.filter((g) => g.archived === null),
		archived: goals.filter((g) => g.archived !== null)
	};
}
