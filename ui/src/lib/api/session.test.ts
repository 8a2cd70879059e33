import { afterEach, describe, expect, it } from 'vitest';
import * as session from './session';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const ada: session.SessionView = {
	personId: 1,
	name: 'Ada Łódź',
	role: 'owner',
	counterOnly: false
};

describe('session', () => {
	it('choices calls sign_in_choices and keeps each wait', async () => {
		const choices: session.SignInChoice[] = [
			{ id: 1, name: 'Ada Łódź', role: 'owner', waitSeconds: null },
			{ id: 2, name: 'Café Müller', role: 'staff', waitSeconds: 30 }
		];
		const sent = fakeShell(() => choices);
		await expect(session.choices()).resolves.toEqual(choices);
		expect(sent).toEqual([{ cmd: 'sign_in_choices', args: {} }]);
	});

	it('createFirstOwner sends the name and the PIN twice, and resolves with the recovery code', async () => {
		const sent = fakeShell(() => ({ session: ada, recoveryCode: 'K7QX-2M9P-ZT4C' }));
		await expect(
			session.createFirstOwner('Ada Łódź', { pin: '2468', pinAgain: '2468' })
		).resolves.toEqual({ session: ada, recoveryCode: 'K7QX-2M9P-ZT4C' });
		expect(sent).toEqual([
			{
				cmd: 'create_first_owner',
				args: { name: 'Ada Łódź', pin: { pin: '2468', pinAgain: '2468' } }
			}
		]);
	});

	it('createFirstOwner rejects PINs that differ on pinAgain', async () => {
		fakeShell((_cmd, args) => {
			const { pin } = args as { pin: session.PinChange };
			if (pin.pin !== pin.pinAgain) {
				throw { code: 'invalid_input', message: 'The PINs differ.', field: 'pinAgain' };
			}
			return { session: ada, recoveryCode: 'X' };
		});
		await expect(
			refusalOf(session.createFirstOwner('Ada', { pin: '2468', pinAgain: '2469' }))
		).resolves.toEqual({ code: 'invalid_input', message: 'The PINs differ.', field: 'pinAgain' });
	});

	it('signIn sends the person and PIN, and rejects a wrong PIN on the pin field', async () => {
		const sent = fakeShell((_cmd, args) => {
			const { pin } = args as { personId: number; pin: string };
			if (pin !== '2468') throw { code: 'wrong_pin', message: 'Wrong PIN.', field: 'pin' };
			return ada;
		});
		await expect(refusalOf(session.signIn(1, '1111'))).resolves.toEqual({
			code: 'wrong_pin',
			message: 'Wrong PIN.',
			field: 'pin'
		});
		await expect(session.signIn(1, '2468')).resolves.toEqual(ada);
		expect(sent).toEqual([
			{ cmd: 'sign_in', args: { personId: 1, pin: '1111' } },
			{ cmd: 'sign_in', args: { personId: 1, pin: '2468' } }
		]);
	});

	it('signIn keeps a PIN wait as its own code', async () => {
		fakeShell(() => {
			throw { code: 'pin_wait', message: 'Too many wrong PINs. Try again in 30 s.', field: 'pin' };
		});
		await expect(refusalOf(session.signIn(2, '0000'))).resolves.toMatchObject({
			code: 'pin_wait',
			field: 'pin'
		});
	});

	it('recoverOwner sends the code and new PIN under `input`', async () => {
		const input = { code: 'K7QX-2M9P-ZT4C', pin: '1357', pinAgain: '1357' };
		const sent = fakeShell(() => ({ session: ada, recoveryCode: 'NEW1-NEW2' }));
		await expect(session.recoverOwner(1, input)).resolves.toEqual({
			session: ada,
			recoveryCode: 'NEW1-NEW2'
		});
		expect(sent).toEqual([{ cmd: 'recover_owner', args: { personId: 1, input } }]);
	});

	it('lock and stillHere take no arguments', async () => {
		const sent = fakeShell(() => null);
		await expect(session.lock()).resolves.toBeNull();
		await expect(session.stillHere()).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'lock', args: {} },
			{ cmd: 'still_here', args: {} }
		]);
	});

	it('setIdleLock sends the minutes and resolves with them as stored', async () => {
		const sent = fakeShell(() => 15);
		await expect(session.setIdleLock(15)).resolves.toBe(15);
		expect(sent).toEqual([{ cmd: 'set_idle_lock', args: { minutes: 15 } }]);
	});

	it('printRecoveryCode resolves with the saved path, or null when cancelled', async () => {
		let cancelled = false;
		const sent = fakeShell(() => (cancelled ? null : '/home/ada/recovery.pdf'));
		await expect(session.printRecoveryCode('K7QX')).resolves.toBe('/home/ada/recovery.pdf');
		cancelled = true;
		await expect(session.printRecoveryCode('K7QX')).resolves.toBeNull();
		expect(sent.map((s) => s.cmd)).toEqual(['print_recovery_code', 'print_recovery_code']);
		expect(sent[0].args).toEqual({ code: 'K7QX' });
	});
});
