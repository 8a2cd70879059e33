import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	dateTimeText,
	dayText,
	fitText,
	numberText,
	sortLabels,
	statusLabels,
	statuses,
	todayIso,
	localIso,
	setShopZone,
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
			'Recently changed',
			'Latest redemption first',
			'Most redemptions this month',
			'Most we owe first',
			'Needs attention first'
		]);
	});

	it('formats a timestamp in the given locale and zone, and survives bad input', () => {
		const at = '2025-01-03T14:05:00Z';
		expect(dateTimeText(at, 'en-IE', 'UTC')).toBe('3 Jan 2025, 14:05');
		// One moment, two days: already the 4th east of the date line, still the 3rd west of it.
		expect(dateTimeText(at, 'en-IE', 'Pacific/Kiritimati')).toBe('4 Jan 2025, 04:05');
		expect(dateTimeText(at, 'en-IE', 'Pacific/Pago_Pago')).toBe('3 Jan 2025, 03:05');
		expect(dateTimeText('not a date', 'en-IE', 'UTC')).toBe('not a date');
		expect(dateTimeText(at, 'xx-NOPE-zz-1', 'UTC')).toMatch(/2025/);
	});

	it('runs in the suite’s own zone, UTC, whatever the machine’s', () => {
		// vite.config.ts pins it, so the computer's clock reads the same on every machine.
		expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('UTC');
		expect(dateTimeText('2025-01-03T14:05:00Z', 'en-IE')).toBe('3 Jan 2025, 14:05');
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

	it('writes counts and sizes in the locale, and survives an unknown one', () => {
		expect(numberText(1204, 'en-IE')).toBe('1,204');
		expect(numberText(1204, 'de-DE')).toBe('1.204');
		expect(numberText(1.25, 'en-IE', 1)).toBe('1.3');
		expect(numberText(1.2, 'pl-PL', 1)).toBe('1,2');
		expect(numberText(12, 'en-IE', 1)).toBe('12');
		expect(numberText(1204, 'xx-NOPE-zz-1')).toMatch(/^1.?204$/);
	});

	it('gives today as the YYYY-MM-DD a date input holds', () => {
		expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(todayIso(new Date(2026, 10, 24, 0, 1))).toBe('2026-11-24');
	});

	it("counts today in the shop's zone, not the computer's", () => {
		// 22:30 UTC on 30 June is already 1 July in Berlin (UTC+2 in summer), and 18:30 on
		// 30 June in New York.
		const when = new Date(Date.UTC(2026, 5, 30, 22, 30));
		expect(todayIso(when, 'Europe/Berlin')).toBe('2026-07-01');
		expect(todayIso(when, 'America/New_York')).toBe('2026-06-30');
		expect(todayIso(when, 'Not/A_Zone')).toBe(localIso(when));
	});

	it("shows a time in the shop's zone once the status names it", () => {
		const iso = '2026-06-30T22:30:00Z';
		try {
			setShopZone('Europe/Berlin');
			expect(dateTimeText(iso, 'en-IE')).toBe('1 Jul 2026, 00:30');
			expect(todayIso(new Date(iso))).toBe('2026-07-01');
			setShopZone('Pacific/Pago_Pago');
			expect(dateTimeText(iso, 'en-IE')).toBe('30 Jun 2026, 11:30');
		} finally {
			setShopZone(undefined);
		}
	});
});

describe('the last seconds of a month', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('today is the month’s last day until midnight, then the next month’s first', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(2026, 10, 30, 23, 59, 50));
		expect(todayIso()).toBe('2026-11-30');
		vi.advanceTimersByTime(10_000);
		expect(todayIso()).toBe('2026-12-01');
	});

	it('the year’s last day ends the year', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date(2026, 11, 31, 23, 59, 50));
		expect(todayIso()).toBe('2026-12-31');
		expect(dayText(todayIso(), 'en-IE')).toBe('31 December 2026');
	});
});
