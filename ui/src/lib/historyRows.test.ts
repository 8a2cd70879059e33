import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE, moreRowsLabel } from './historyRows';

describe('a history table drawn a page at a time', () => {
	it('offers no more once every row is drawn', () => {
		expect(moreRowsLabel(3, 3)).toBeNull();
		expect(moreRowsLabel(0, HISTORY_PAGE)).toBeNull();
	});

	it('says how many the next page adds and how many are left', () => {
		expect(moreRowsLabel(20_000, 200)).toBe('Show 200 more (19800 not shown)');
		expect(moreRowsLabel(350, 200)).toBe('Show the last 150');
		expect(moreRowsLabel(400, 200)).toBe('Show the last 200');
	});
});
