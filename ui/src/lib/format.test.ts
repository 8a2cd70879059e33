import { describe, expect, it } from 'vitest';
import {
	dateTimeText,
	dayText,
	fitText,
	sortLabels,
	statusLabels,
	statuses,
	todayIso,
	versionStatusLabels
} from './format';

describe('format', () => {
	it('shows a dash for an unscored partner and the average otherwise', () => {
		expect(fitText(null)).toBe('—');
		expect(fitText('3.8')).toBe('3.8');
	});

	it('lists statuses in lifecycle order with words, not codes', () => {
		expect(statuses).toEqual(['prospect', 'active', 'paused', 'ended']);
		expect(statusLabels.paused).toBe('Paused');
	});

	it('names the sorts as the list offers them', () => {
		expect(Object.values(sortLabels)).toEqual([
			'Name',
			'Best fit first',
			'Weakest fit first',
			'Recently changed'
		]);
	});

	it('formats a timestamp in the given locale and survives bad input', () => {
		expect(dateTimeText('2025-01-03T14:05:00Z', 'en-IE')).toMatch(/3 Jan 2025/);
		expect(dateTimeText('not a date', 'en-IE')).toBe('not a date');
		expect(dateTimeText('2025-01-03T14:05:00Z', 'xx-NOPE-zz-1')).toMatch(/2025/);
	});

	it('names version statuses with words', () => {
		expect(Object.values(versionStatusLabels)).toEqual(['Draft', 'Signed', 'Superseded']);
	});

	it('writes a calendar day in the locale, on that day whatever the time zone', () => {
		expect(dayText('2026-11-24', 'en-IE')).toBe('24 November 2026');
		expect(dayText('2026-01-01', 'en-US')).toBe('January 1, 2026');
		expect(dayText('24/11/2026', 'en-IE')).toBe('24/11/2026');
		expect(dayText('2026-11-24', 'xx-NOPE-zz-1')).toMatch(/2026/);
	});

	it('gives today as the YYYY-MM-DD a date input holds', () => {
		expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(todayIso(new Date(2026, 10, 24, 0, 1))).toBe('2026-11-24');
	});
});
