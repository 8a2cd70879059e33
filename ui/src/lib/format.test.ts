import { describe, expect, it } from 'vitest';
import { dateTimeText, fitText, sortLabels, statusLabels, statuses } from './format';

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
});
