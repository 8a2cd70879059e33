import { describe, expect, it } from 'vitest';
import { FormState, placeError } from './form.svelte';

const createForm = (fields: ConstructorParameters<typeof FormState>[0]) => new FormState(fields);

const refusal = (field: string | null, message = 'No.') => ({
	code: 'invalid_input',
	message,
	field
});

describe('FormState', () => {
	it('keeps what a success said as the note', async () => {
		const form = createForm(['amount']);
		expect(await form.submit(async () => 'Added €12.00.')).toBe(true);
		expect(form.note).toBe('Added €12.00.');
		expect(form.busy).toBe(false);
	});

	it('shows a refusal beside the input it names', async () => {
		const form = createForm(['amount']);
		expect(await form.submit(() => Promise.reject(refusal('amount', 'Type an amount.')))).toBe(
			false
		);
		expect(form.errors).toEqual({ amount: 'Type an amount.' });
		expect(form.refusal).toBeNull();
	});

	it('shows a refusal about no input of the form on top, whole', async () => {
		const form = createForm(['amount']);
		await form.submit(() => Promise.reject(refusal('effectiveFrom', 'Overlaps.')));
		expect(form.errors).toEqual({});
		expect(form.refusal).toBe('Overlaps.');
		expect(form.failure?.field).toBe('effectiveFrom');
	});

	it('runs the work once while it is busy', async () => {
		const form = createForm([]);
		let runs = 0;
		let finish = () => {};
		const first = form.submit(() => new Promise<void>((done) => (finish = () => (runs++, done()))));
		expect(await form.submit(async () => runs++)).toBe(false);
		finish();
		await first;
		expect(runs).toBe(1);
	});

	it('forgets the last note and refusal on the next submit', async () => {
		const form = createForm(['amount']);
		await form.submit(async () => 'Saved.');
		await form.submit(() => Promise.reject(refusal(null, 'Locked.')));
		expect(form.note).toBeNull();
		expect(form.refusal).toBe('Locked.');
	});

	it('leaves on Esc, but not while busy or when the Esc was already taken', async () => {
		const form = createForm([]);
		let left = 0;
		const onkeydown = form.onescape(() => left++);
		const key = (key: string, defaultPrevented = false) => {
			const event = { key, defaultPrevented, preventDefault: () => {} };
			onkeydown(event as KeyboardEvent);
		};
		key('Enter');
		key('Escape', true);
		expect(left).toBe(0);
		key('Escape');
		expect(left).toBe(1);
		let finish = () => {};
		const work = form.submit(() => new Promise<void>((done) => (finish = done)));
		key('Escape');
		finish();
		await work;
		expect(left).toBe(1);
	});
});

describe('placeError', () => {
	it('puts an error beside its field when the form has it', () => {
		const err = { code: 'duplicate_name', message: 'Taken.', field: 'name' } as const;
		expect(placeError(err, ['name', 'email'])).toEqual({ fields: { name: 'Taken.' }, form: null });
	});

	it('puts an error for a field the form lacks on the form', () => {
		const err = { code: 'invalid_input', message: 'Bad search.', field: 'search' } as const;
		expect(placeError(err, ['name'])).toEqual({ fields: {}, form: 'Bad search.' });
	});

	it('puts an error without a field on the form', () => {
		const err = { code: 'internal', message: 'Disk full.', field: null } as const;
		expect(placeError(err, ['name'])).toEqual({ fields: {}, form: 'Disk full.' });
	});
});
