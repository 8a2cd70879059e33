import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import type { MonthPoint } from '$lib/api/bindings/MonthPoint';
import type { Trend } from '$lib/api/bindings/Trend';
import { legendValue, tickLabels, trendData, trendOptions, trendRows, trendSummary } from './trend';

const month = (
	month: string,
	label: string,
	paid?: { minor: number; text: string; sourcedMinor: number; sourced: string; influenced: string }
): MonthPoint =>
	paid
		? {
				month,
				label,
				redemptions: 3,
				newCustomers: 2,
				revenueMinor: paid.minor,
				revenue: paid.text,
				sourcedMinor: paid.sourcedMinor,
				sourced: paid.sourced,
				influenced: paid.influenced,
				empty: false
			}
		: {
				month,
				label,
				redemptions: 0,
				newCustomers: 0,
				revenueMinor: 0,
				revenue: '€0.00',
				sourcedMinor: 0,
				sourced: '€0.00',
				influenced: '€0.00',
				empty: true
			};

// December 2025 to February 2026: a quiet December, a January of €39.15, an empty February.
const trend: Trend = {
	months: [
		month('2025-12', 'Dec 2025'),
		month('2026-01', 'Jan 2026', {
			minor: 3915,
			text: '€39.15',
			sourcedMinor: 3195,
			sourced: '€31.95',
			influenced: '€7.20'
		}),
		month('2026-02', 'Feb 2026')
	],
	axis: [
		{ minor: 0, label: '€0' },
		{ minor: 2000, label: '€20' },
		{ minor: 4000, label: '€40' }
	]
};

const ink = { text: '#4f5768', grid: '#d3d8e0', font: 'sans-serif' };
const bars = (() => null) as unknown as uPlot.Series.PathBuilder;

describe('the monthly trend', () => {
	it('plots the core’s integers and leaves empty months as gaps, not zero bars', () => {
		expect(trendData(trend)).toEqual([
			[0, 1, 2],
			[null, 3915, null],
			[null, 3195, null]
		]);
	});

	it('places the axis on the core’s steps and labels them with the core’s words', () => {
		const options = trendOptions(trend, 600, ink, bars);
		const [, y] = options.axes ?? [];
		const u = {} as uPlot;
		expect(typeof y.splits === 'function' && y.splits(u, 1, 0, 4000, 0, 0)).toEqual([
			0, 2000, 4000
		]);
		expect(typeof y.values === 'function' && y.values(u, [0, 2000, 4000], 1, 0, 0)).toEqual([
			'€0',
			'€20',
			'€40'
		]);
		expect(options.scales?.y?.range).toEqual([0, 4000]);
		expect(options.width).toBe(600);
	});

	it('hovering a month shows its figures as the core wrote them, or that it was empty', () => {
		expect(legendValue(trend.months, 1, 'sourced')).toBe('€31.95');
		expect(legendValue(trend.months, 1, 'influenced')).toBe('€7.20');
		expect(legendValue(trend.months, 0, 'sourced')).toBe('nothing logged');
		expect(legendValue(trend.months, null, 'sourced')).toBe('—');
		const options = trendOptions(trend, 600, ink, bars);
		const names = options.series.map((s) => s.label);
		expect(names).toEqual([
			'Month',
			'Returning customers (partner-influenced)',
			'New customers (partner-sourced)'
		]);
	});

	it('names months short on the axis, with the year where it turns and at the start', () => {
		expect(tickLabels(trend.months)).toEqual(['Dec 2025', 'Jan 2026', 'Feb']);
	});

	it('reads to a screen reader month by month, empty months said in words', () => {
		expect(trendRows(trend)).toEqual([
			{
				month: '2025-12',
				label: 'Dec 2025',
				redemptions: 'Nothing logged',
				sourced: '—',
				influenced: '—',
				revenue: '—'
			},
			{
				month: '2026-01',
				label: 'Jan 2026',
				redemptions: '3 redemptions',
				sourced: '€31.95',
				influenced: '€7.20',
				revenue: '€39.15'
			},
			{
				month: '2026-02',
				label: 'Feb 2026',
				redemptions: 'Nothing logged',
				sourced: '—',
				influenced: '—',
				revenue: '—'
			}
		]);
		expect(trendSummary(trend)).toBe(
			'What referred customers paid per month, Dec 2025 to Feb 2026: 1 month with sales, 2 empty; the most in Jan 2026, €39.15.'
		);
		const quiet = { ...trend, months: [trend.months[0]] };
		expect(trendSummary(quiet)).toBe(
			'What referred customers paid per month, Dec 2025 to Dec 2025: nothing logged.'
		);
	});
});
