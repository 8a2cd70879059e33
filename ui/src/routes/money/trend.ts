// The monthly trend as uPlot draws it, and as the table beside it reads. Heights are the
// core's minor units, used to place bars only; every amount a person sees (axis steps,
// hover values, table cells) is a label the core wrote. Empty months stay in the year as
// gaps (null), never as zero-height bars a reader might take for a month of nothing sold.

import type uPlot from 'uplot';
import type { MonthPoint } from '$lib/api/bindings/MonthPoint';
import type { Trend } from '$lib/api/bindings/Trend';
import { countText, palette } from './money';

/** Bars for new customers (sourced) sit in front of the total, so what shows above them
 * is the returning customers' part (influenced). */
export const trendColours = { sourced: palette[0], influenced: palette[5] };

export const trendNames = {
	sourced: 'New customers (partner-sourced)',
	influenced: 'Returning customers (partner-influenced)'
};

/** uPlot's columns: month index, the total's height, the sourced part's height. */
export function trendData(trend: Trend): uPlot.AlignedData {
	const gap = (m: MonthPoint, minor: number) => (m.empty ? null : minor);
	return [
		trend.months.map((_, i) => i),
		trend.months.map((m) => gap(m, m.revenueMinor)),
		trend.months.map((m) => gap(m, m.sourcedMinor))
	];
}

/** "Nov" on most ticks; the year too on January and the first month, so the axis reads. */
export function tickLabels(months: readonly MonthPoint[]): string[] {
	return months.map((m, i) =>
		i === 0 || m.month.endsWith('-01') ? m.label : (m.label.split(' ')[0] ?? m.label)
	);
}

/** What one month shows in the hover legend: the core's label, or that it was empty. */
export function legendValue(
	months: readonly MonthPoint[],
	idx: number | null | undefined,
	part: 'sourced' | 'influenced'
): string {
	if (idx === null || idx === undefined) return '—';
	const m = months[idx];
	if (!m) return '—';
	return m.empty ? 'nothing logged' : m[part];
}

/** The chart's alternative text: what it shows and where it peaks, in the core's words. */
export function trendSummary(trend: Trend): string {
	const { months } = trend;
	if (months.length === 0) return 'No months to show.';
	const span = `${months[0].label} to ${months[months.length - 1].label}`;
	const busy = months.filter((m) => !m.empty);
	if (busy.length === 0) return `What referred customers paid per month, ${span}: nothing logged.`;
	const best = busy.reduce((a, b) => (b.revenueMinor > a.revenueMinor ? b : a));
	const empty = months.length - busy.length;
	return (
		`What referred customers paid per month, ${span}: ` +
		`${countText(busy.length, 'month')} with sales, ${empty} empty; ` +
		`the most in ${best.label}, ${best.revenue}.`
	);
}

/** One row of the table read to screen readers (and shown to nobody else). */
export type TrendRow = {
	month: string;
	label: string;
	redemptions: string;
	sourced: string;
	influenced: string;
	revenue: string;
};

export function trendRows(trend: Trend): TrendRow[] {
	return trend.months.map((m) =>
		m.empty
			? {
					month: m.month,
					label: m.label,
					redemptions: 'Nothing logged',
					sourced: '—',
					influenced: '—',
					revenue: '—'
				}
			: {
					month: m.month,
					label: m.label,
					redemptions: countText(m.redemptions, 'redemption'),
					sourced: m.sourced,
					influenced: m.influenced,
					revenue: m.revenue
				}
	);
}

/** Colours the canvas cannot read from CSS by itself: the page's text and grid lines. */
export type Ink = { text: string; grid: string; font: string };

/**
 * The chart: one bar per month, the total (what referred customers paid) behind the part
 * new customers paid; a money axis on the core's own steps. `bars` is uPlot's bar path
 * builder, passed in so this stays a plain function.
 */
export function trendOptions(
	trend: Trend,
	width: number,
	ink: Ink,
	bars: uPlot.Series.PathBuilder
): uPlot.Options {
	const { months, axis } = trend;
	const top = axis.length ? axis[axis.length - 1].minor : 1;
	const ticks = tickLabels(months);
	const axisStyle = {
		stroke: ink.text,
		font: `12px ${ink.font}`,
		ticks: { show: false }
	};
	return {
		width,
		height: 260,
		scales: {
			x: { time: false, range: [-0.5, months.length - 0.5] },
			y: { range: [0, top] }
		},
		axes: [
			{
				...axisStyle,
				grid: { show: false },
				splits: () => months.map((_, i) => i),
				values: () => ticks
			},
			{
				...axisStyle,
				size: 72,
				grid: { stroke: ink.grid, width: 1 },
				splits: () => axis.map((t) => t.minor),
				values: () => axis.map((t) => t.label)
			}
		],
		series: [
			{
				label: 'Month',
				value: (_u, x) => (x === null ? '—' : (months[Math.round(x)]?.label ?? '—'))
			},
			{
				label: trendNames.influenced,
				fill: trendColours.influenced,
				stroke: trendColours.influenced,
				width: 0,
				paths: bars,
				points: { show: false },
				value: (_u, _v, _s, idx) => legendValue(months, idx, 'influenced')
			},
			{
				label: trendNames.sourced,
				fill: trendColours.sourced,
				stroke: trendColours.sourced,
				width: 0,
				paths: bars,
				points: { show: false },
				value: (_u, _v, _s, idx) => legendValue(months, idx, 'sourced')
			}
		],
		legend: { show: true, live: true },
		cursor: { drag: { x: false, y: false }, points: { show: false } }
	};
}
