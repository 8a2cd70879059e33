import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, isApiError, onForbidden, toApiError } from './ipc';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

describe('call', () => {
	it('resolves with what the command returned and sends its arguments', async () => {
		const sent = fakeShell(() => ({ ok: 1 }));
		await expect(call('some_command', { id: 7 })).resolves.toEqual({ ok: 1 });
		expect(sent).toEqual([{ cmd: 'some_command', args: { id: 7 } }]);
	});

	it('rejects with the shell’s ApiError as sent, and with internal for a code it does not know', async () => {
		fakeShell((_cmd, args) => {
			const { kind } = args as { kind: string };
			if (kind === 'known') {
				throw { code: 'invalid_input', message: 'Name is required.', field: 'name' };
			}
			// A newer shell's code the UI was never taught, and no field.
			throw { code: 'brand_new', message: 'Try again later.' };
		});
		await expect(call('save_business_profile', { kind: 'known' })).rejects.toEqual({
			code: 'invalid_input',
			message: 'Name is required.',
			field: 'name'
		});
		await expect(call('save_business_profile', { kind: 'newer' })).rejects.toEqual({
			code: 'internal',
			message: 'Try again later.',
			field: null
		});
	});

	it('keeps each code a screen acts on, with its field', async () => {
		const acted = [
			{ code: 'over_balance', message: 'More than is owed.', field: 'amount' },
			{ code: 'store_too_new', message: 'Saved by version 0.3.', field: null },
			{ code: 'store_damaged', message: 'The file is not a database.', field: null },
			{ code: 'import_refused', message: 'Row 3 has no name.', field: null },
			{ code: 'code_taken', message: 'BAKERY1-X is already in use.', field: 'code' },
			{ code: 'wrong_pin', message: 'Wrong PIN.', field: 'pin' },
			{ code: 'pin_wait', message: 'Too many wrong PINs. Try again in 30 s.', field: 'pin' },
			{ code: 'last_owner', message: 'Keep one owner.', field: null }
		];
		fakeShell((_cmd, args) => {
			throw acted[(args as { index: number }).index];
		});
		for (const [index, refusal] of acted.entries()) {
			await expect(call('any_command', { index }), refusal.code).rejects.toEqual(refusal);
		}
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

describe('onForbidden', () => {
	it('hears a forbidden refusal from any command, which still rejects', async () => {
		const heard = vi.fn();
		const stop = onForbidden(heard);
		fakeShell(() => {
			throw { code: 'forbidden', message: 'The window was locked.', field: null };
		});
		try {
			await expect(call('list_partners')).rejects.toMatchObject({ code: 'forbidden' });
			await expect(call('log_redemption')).rejects.toMatchObject({ code: 'forbidden' });
			expect(heard).toHaveBeenCalledTimes(2);
		} finally {
			stop();
		}
	});

	it('stays quiet for other refusals and for answers', async () => {
		const heard = vi.fn();
		const stop = onForbidden(heard);
		fakeShell((cmd) => {
			if (cmd === 'fine') return 1;
			throw { code: 'over_balance', message: 'More than owed.', field: 'amount' };
		});
		try {
			await expect(call('fine')).resolves.toBe(1);
			await expect(call('record_payout')).rejects.toMatchObject({ code: 'over_balance' });
			expect(heard).not.toHaveBeenCalled();
		} finally {
			stop();
		}
	});

	it('no longer calls a listener that unsubscribed', async () => {
		const heard = vi.fn();
		onForbidden(heard)();
		fakeShell(() => {
			throw { code: 'forbidden', message: 'Locked.', field: null };
		});
		await expect(call('still_here')).rejects.toMatchObject({ code: 'forbidden' });
		expect(heard).not.toHaveBeenCalled();
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
