// A history table (a partner's redemptions over a year can be tens of thousands) draws its
// rows a page at a time, so the window stays quick whatever the period holds.

/** How many rows a history table draws at first, and adds on each "Show more". */
export const HISTORY_PAGE = 200;

/** The words of the button that draws more rows; null when every row is drawn. */
export function moreRowsLabel(total: number, shown: number, page = HISTORY_PAGE): string | null {
	const hidden = total - shown;
	if (hidden <= 0) return null;
	if (hidden <= page) return `Show the last ${hidden}`;
	return `Show ${page} more (${hidden} not shown)`;
}
