import { describe, expect, it } from 'vitest';
import { clause, clauseTexts, clausesFrom, moveClause, removeClause } from './clauses';

describe('clause list', () => {
	it('keeps saved texts in order and gives each clause its own key', () => {
		const items = clausesFrom(['First.', 'Second.', '']);
		expect(clauseTexts(items)).toEqual(['First.', 'Second.', '']);
		expect(new Set(items.map((i) => i.key)).size).toBe(3);
		expect(clause().key).not.toBe(items[2].key);
	});

	it('moves a clause up or down by one place, carrying its key', () => {
		const items = clausesFrom(['a', 'b', 'c']);
		const down = moveClause(items, 0, 1);
		expect(clauseTexts(down)).toEqual(['b', 'a', 'c']);
		expect(down[1].key).toBe(items[0].key);
		expect(clauseTexts(moveClause(items, 2, -1))).toEqual(['a', 'c', 'b']);
	});

	it('leaves the list as it was when the clause is already at that end', () => {
		const items = clausesFrom(['a', 'b']);
		expect(clauseTexts(moveClause(items, 0, -1))).toEqual(['a', 'b']);
		expect(clauseTexts(moveClause(items, 1, 1))).toEqual(['a', 'b']);
		expect(clauseTexts(moveClause(items, 5, 1))).toEqual(['a', 'b']);
		expect(moveClause(items, 0, -1)).not.toBe(items);
	});

	it('removes exactly the clause asked for', () => {
		const items = clausesFrom(['a', 'b', 'c']);
		expect(clauseTexts(removeClause(items, 1))).toEqual(['a', 'c']);
		expect(clauseTexts(removeClause(items, 9))).toEqual(['a', 'b', 'c']);
	});
});
