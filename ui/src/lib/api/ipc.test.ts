import { afterEach, describe, expect, it } from 'vitest';
import { call, isApiError, toApiError } from './ipc';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

describe('call', () => {
	it('resolves with what the command returned and sends its arguments', async () => {
		const sent = fakeShell(() => ({ ok: 1 }));
		await expect(call('some_command', { id: 7 })).resolves.toEqual({ ok: 1 });
		expect(sent).toEqual([{ cmd: 'some_command', args: { id: 7 } }]);
	});

	it('rejects with the shell ApiError unchanged, code and field included', async () => {
		const refusal = { code: 'invalid_input', message: 'Name is required.', field: 'name' };
		fakeShell(() => {
			throw refusal;
		});
		await expect(call('save_business_profile', {})).rejects.toEqual(refusal);
	});

	it('turns a thrown string into an internal ApiError with that message', async () => {
		fakeShell(() => {
			throw 'command not found';
		});
		await expect(call('nope')).rejects.toEqual({
			code: 'internal',
			message: 'command not found',
			field: null
		});
	});
});

describe('toApiError', () => {
	it('keeps an Error message as an internal error', () => {
		expect(toApiError(new Error('boom'))).toEqual({
			code: 'internal',
			message: 'boom',
			field: null
		});
	});

	it('gives a generic sentence for values with nothing to say', () => {
		expect(toApiError(undefined)).toEqual({
			code: 'internal',
			message: 'Something went wrong.',
			field: null
		});
		expect(toApiError('')).toMatchObject({ code: 'internal', message: 'Something went wrong.' });
	});

	it('treats an unknown code as internal but keeps the message', () => {
		expect(toApiError({ code: 'brand_new', message: 'Hm.', field: null })).toEqual({
			code: 'internal',
			message: 'Hm.',
			field: null
		});
	});

	it('fills in a missing field as null', () => {
		expect(toApiError({ code: 'not_found', message: 'No such partner.' })).toEqual({
			code: 'not_found',
			message: 'No such partner.',
			field: null
		});
	});
});

describe('isApiError', () => {
	it('accepts the shell shape and refuses others', () => {
		expect(isApiError({ code: 'duplicate_name', message: 'Taken.', field: 'name' })).toBe(true);
		expect(isApiError({ code: 'duplicate_name', message: 'Taken.', field: 3 })).toBe(false);
		expect(isApiError({ message: 'x' })).toBe(false);
		expect(isApiError(null)).toBe(false);
	});
});
