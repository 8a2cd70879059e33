import { describe, expect, it } from 'vitest';
import { Pages, type Page } from './pages.svelte';

/** A load that answers when the test says so. */
function pending<T>() {
	let answer: (value: T) => void = () => {};
	const promise = new Promise<T>((yes) => (answer = yes));
	return { promise, answer };
}

/** Rows 1..n, `size` a page, keyed by the last row shown. */
function numbers(n: number, size: number) {
	const asked: (number | null)[] = [];
	const fetch = async (after: number | null): Promise<Page<number, number>> => {
		asked.push(after);
		const from = after ?? 0;
		const rows = Array.from({ length: Math.min(size, n - from) }, (_, i) => from + i + 1);
		const last = rows[rows.length - 1] ?? 0;
		return { rows, next: last < n ? last : null, matching: n, total: n };
	};
	return { fetch, asked };
}

describe('Pages', () => {
	it('loads the first page, then appends the next until the last', async () => {
		const list = new Pages<number, number>();
		const { fetch, asked } = numbers(5, 2);
		await list.first(fetch);
		expect(list.rows).toEqual([1, 2]);
		expect(list.matching).toBe(5);
		await list.more();
		await list.more();
		expect(list.rows).toEqual([1, 2, 3, 4, 5]);
		expect(list.next).toBeNull();
		await list.more();
		expect(asked).toEqual([null, 2, 4]);
	});

	it('keeps the newer filters when an older first page arrives after them', async () => {
		const list = new Pages<string, number>();
		const slow = pending<Page<string, number>>();
		const first = list.first(() => slow.promise);
		await list.first(async () => ({ rows: ['7K2'], next: null, matching: 1, total: 9 }));
		slow.answer({ rows: ['7K', '7Q'], next: 2, matching: 40, total: 9 });
		await first;
		expect(list.rows).toEqual(['7K2']);
		expect(list.matching).toBe(1);
	});

	it('drops a next page asked for before the filters changed', async () => {
		const list = new Pages<number, number>();
		const slow = pending<Page<number, number>>();
		await list.first(async (after) =>
			after === null ? { rows: [1], next: 1, matching: 3, total: 3 } : slow.promise
		);
		const more = list.more();
		expect(list.loadingMore).toBe(true);
		await list.first(async () => ({ rows: [9], next: null, matching: 1, total: 3 }));
		slow.answer({ rows: [2], next: null, matching: 3, total: 3 });
		await more;
		expect(list.rows).toEqual([9]);
		expect(list.loadingMore).toBe(false);
	});

	it('says why a page failed, keeping the rows it showed', async () => {
		const list = new Pages<number, number>();
		await list.first(numbers(3, 1).fetch);
		await list.first(async () => {
			throw { code: 'internal', message: 'Disk full.', field: null };
		});
		expect(list.failure).toBe('Disk full.');
		expect(list.rows).toEqual([1]);
	});
});
