import { describe, expect, it } from 'vitest';
import { Latest } from './latest.svelte';

/** A load that answers when the test says so. */
function pending<T>() {
	let answer: (value: T) => void = () => {};
	let refuse: (err: unknown) => void = () => {};
	const promise = new Promise<T>((yes, no) => ((answer = yes), (refuse = no)));
	return { work: () => promise, answer, refuse };
}

describe('Latest', () => {
	it('keeps the newer answer when an older one arrives after it', async () => {
		const shown = new Latest<string>();
		const january = pending<string>();
		const february = pending<string>();
		const first = shown.load(january.work);
		const second = shown.load(february.work);
		february.answer('February');
		await second;
		january.answer('January');
		await first;
		expect(shown.value).toBe('February');
	});

	it('ignores the failure of a load it has moved on from', async () => {
		const shown = new Latest<string>();
		const old = pending<string>();
		const first = shown.load(old.work);
		await shown.load(async () => 'March');
		old.refuse({ code: 'internal', message: 'Disk full.', field: null });
		await first;
		expect(shown.failure).toBeNull();
		expect(shown.value).toBe('March');
	});

	it('says why the latest load failed, keeping what it showed', async () => {
		const shown = new Latest<string>();
		await shown.load(async () => 'April');
		await shown.load(() =>
			Promise.reject({ code: 'internal', message: 'Disk full.', field: null })
		);
		expect(shown.failure).toBe('Disk full.');
		expect(shown.value).toBe('April');
	});

	it('loads the same again on "Try again", clearing the failure', async () => {
		const shown = new Latest<number>();
		let calls = 0;
		await shown.load(async () => {
			calls++;
			if (calls === 1) throw { code: 'internal', message: 'Busy.', field: null };
			return calls;
		});
		await shown.again();
		expect(shown.value).toBe(2);
		expect(shown.failure).toBeNull();
	});

	it('drops a load under way when cleared', async () => {
		const shown = new Latest<string>();
		const late = pending<string>();
		const first = shown.load(late.work);
		shown.clear();
		late.answer('May');
		await first;
		expect(shown.value).toBeNull();
	});
});
