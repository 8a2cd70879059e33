import { afterEach, describe, expect, it } from 'vitest';
import * as counter from './counter';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const redemption: counter.RedemptionView = {
	id: 42,
	code: 'CRUMB-7K2Q-X9A',
	partnerId: 3,
	partnerName: 'Crumb & Co',
	agreementVersion: 2,
	redeemedAt: '2026-11-24T10:05:00Z',
	sale: '€12.50',
	discount: '€1.25',
	pays: '€11.25',
	commission: '€0.56',
	offerApplied: true,
	noOffer: null,
	newCustomer: true,
	note: '',
	till: 'Front till',
	loggedBy: 'staff',
	void: null
};

const input: counter.RedemptionInput = {
	idempotencyKey: '0f9c2a6e-5d1b-4c3e-9a7f-1b2c3d4e5f60',
	code: 'CRUMB-7K2Q-X9A',
	sale: '12,50',
	newCustomer: true,
	note: '',
	confirmedLarge: false
};

describe('counter', () => {
	it("discardUnsaved names the key to drop from the shell's journal", async () => {
		const sent = fakeShell(() => null);
		await counter.discardUnsaved(input.idempotencyKey);
		expect(sent).toEqual([{ cmd: 'discard_unsaved_sale', args: { key: input.idempotencyKey } }]);
	});

	it('log sends the input as it is, sale text and key unchanged', async () => {
		const outcome: counter.LogOutcome = { kind: 'logged', redemption, replayed: false };
		const sent = fakeShell(() => outcome);
		await expect(counter.log(input)).resolves.toEqual(outcome);
		expect(sent).toEqual([{ cmd: 'log_redemption', args: { input } }]);
	});

	it('log resolves with a refusal and the outcome that caused it', async () => {
		const refused: counter.LogOutcome = {
			kind: 'refused',
			outcome: {
				kind: 'usedUp',
				code: 'CRUMB-7K2Q-X9A',
				partnerName: 'Crumb & Co',
				uses: 1,
				limit: 1,
				lastUsedAt: '2026-11-24T10:01:00Z',
				lastTill: 'Back till'
			}
		};
		fakeShell(() => refused);
		await expect(counter.log(input)).resolves.toEqual(refused);
	});

	it('log rejects a bad sale amount on the sale field, and the retry keeps the key', async () => {
		// Like the core: the sale text is read there; "12x" is not an amount.
		const sent = fakeShell((_cmd, args) => {
			const { input: typed } = args as { input: counter.RedemptionInput };
			if (!/^\d+([.,]\d{1,2})?$/.test(typed.sale.trim())) {
				throw {
					code: 'invalid_input',
					message: 'Sale amount should be an amount like 12.50.',
					field: 'sale'
				};
			}
			return { kind: 'logged', redemption, replayed: false };
		});
		await expect(refusalOf(counter.log({ ...input, sale: '12x' }))).resolves.toEqual({
			code: 'invalid_input',
			message: 'Sale amount should be an amount like 12.50.',
			field: 'sale'
		});
		await expect(counter.log(input)).resolves.toMatchObject({ kind: 'logged' });
		expect(sent.map((s) => s.args)).toEqual([{ input: { ...input, sale: '12x' } }, { input }]);
	});

	it('recent asks with no arguments', async () => {
		const sent = fakeShell(() => [redemption]);
		await expect(counter.recent()).resolves.toEqual([redemption]);
		expect(sent).toEqual([{ cmd: 'recent_redemptions', args: {} }]);
	});

	it('voidRedemption sends the id and the reason with the restore choice', async () => {
		const voided = {
			...redemption,
			void: { at: '2026-11-24T11:00:00Z', by: 'owner', reason: 'Wrong card', restoresUse: true }
		};
		const sent = fakeShell(() => voided);
		await expect(
			counter.voidRedemption(42, { reason: 'Wrong card', restoreUse: true })
		).resolves.toEqual(voided);
		expect(sent).toEqual([
			{
				cmd: 'void_redemption',
				args: { id: 42, input: { reason: 'Wrong card', restoreUse: true } }
			}
		]);
	});

	it('voidRedemption rejects a second void with already_voided', async () => {
		// Like the core: a redemption is voided once.
		const voided = new Set<number>();
		fakeShell((_cmd, args) => {
			const { id } = args as { id: number };
			if (voided.has(id)) {
				throw { code: 'already_voided', message: `No. ${id} is already voided.`, field: null };
			}
			voided.add(id);
			return { ...redemption, id };
		});
		const why = { reason: 'Wrong card', restoreUse: false };
		await expect(counter.voidRedemption(42, why)).resolves.toMatchObject({ id: 42 });
		await expect(refusalOf(counter.voidRedemption(42, why))).resolves.toEqual({
			code: 'already_voided',
			message: 'No. 42 is already voided.',
			field: null
		});
		await expect(counter.voidRedemption(43, why)).resolves.toMatchObject({ id: 43 });
	});

	it('setTillName sends the name and resolves with it as stored', async () => {
		const sent = fakeShell(() => 'Front till');
		await expect(counter.setTillName(' Front till ')).resolves.toBe('Front till');
		expect(sent).toEqual([{ cmd: 'set_till_name', args: { name: ' Front till ' } }]);
	});

	it('staff renaming the till get forbidden', async () => {
		fakeShell(() => {
			throw { code: 'forbidden', message: 'Only an owner can do that.', field: null };
		});
		await expect(counter.setTillName('Till 2')).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('setSaleLimits sends both amounts as typed and resolves with them as stored', async () => {
		const stored = {
			ceiling: '€500.00',
			confirmAbove: '€100.50',
			ceilingInput: '500.00',
			confirmAboveInput: '100.50'
		};
		const sent = fakeShell(() => stored);
		const limits = { ceiling: '500', confirmAbove: '100,50' };
		await expect(counter.setSaleLimits(limits)).resolves.toEqual(stored);
		expect(sent).toEqual([{ cmd: 'set_sale_limits', args: { input: limits } }]);
	});

	it('a threshold above the ceiling is refused beside its field', async () => {
		fakeShell(() => {
			throw {
				code: 'invalid_input',
				message: 'At most €500.00: the largest sale allowed. Ask again below it.',
				field: 'confirmAbove'
			};
		});
		await expect(
			counter.setSaleLimits({ ceiling: '500', confirmAbove: '600' })
		).rejects.toMatchObject({ code: 'invalid_input', field: 'confirmAbove' });
	});
});
