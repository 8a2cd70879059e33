// The clause list as the form edits it: each clause keeps a key of its own, so moving one
// moves its text area (and the focus in it) rather than re-filling the boxes in place.

export type Clause = { key: number; text: string };

let lastKey = 0;

/** A new clause with a key never used before in this window. */
export function clause(text = ''): Clause {
	lastKey += 1;
	return { key: lastKey, text };
}

/** Saved clause texts as form items. */
export function clausesFrom(texts: readonly string[]): Clause[] {
	return texts.map((text) => clause(text));
}

/** The texts to send, in order (the core drops blank ones). */
export function clauseTexts(items: readonly Clause[]): string[] {
	return items.map((item) => item.text);
}

/** The list with the item at `index` moved by `delta` places; unchanged if it cannot move. */
export function moveClause<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
	const to = index + delta;
	if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
	const moved = [...items];
	[moved[index], moved[to]] = [moved[to], moved[index]];
	return moved;
}

/** The list without the item at `index`. */
export function removeClause<T>(items: readonly T[], index: number): T[] {
	return items.filter((_, i) => i !== index);
}
