import { describe, expect, it } from 'vitest';
import { Saving } from './saving.svelte';

describe('Saving', () => {
	it('says where the file went, that it was cancelled, or why it failed', async () => {
		const saving = new Saving();
		await saving.run(async () => '/home/me/kit.pdf');
		expect([saving.saved, saving.cancelled, saving.failure]).toEqual([
			'/home/me/kit.pdf',
			false,
			null
		]);
		await saving.run(async () => null);
		expect([saving.saved, saving.cancelled]).toEqual([null, true]);
		await saving.run(async () => {
			throw { code: 'file_not_saved', message: 'Could not save /x: denied', field: null };
		});
		expect([saving.cancelled, saving.failure]).toEqual([false, 'Could not save /x: denied']);
		expect(saving.busy).toBe(false);
	});

	it('ignores a second press while the first is under way', async () => {
		const saving = new Saving();
		let calls = 0;
		let finish: (path: string) => void = () => {};
		const first = saving.run(() => {
			calls++;
			return new Promise<string>((resolve) => (finish = resolve));
		});
		await saving.run(async () => {
			calls++;
			return 'second';
		});
		finish('first');
		await first;
		expect([calls, saving.saved]).toEqual([1, 'first']);
	});
});
