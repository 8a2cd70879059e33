import { afterEach, describe, expect, it } from 'vitest';
import * as payouts from './payouts';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const payoutInput: payouts.PayoutInput = {
	paidOn: '2026-11-30',
	amount: '3.14',
	method: 'bankTransfer',
	reference: 'NOV-1',
	periodFrom: '',
	periodTo: '',
	confirmOverBalance: false
};

const payout: payouts.PayoutView = {
	id: 7,
	partnerId: 3,
	paidOn: '2026-11-30',
	amount: '€3.14',
	method: 'bankTransfer',
	reference: 'NOV-1',
	periodFrom: null,
	periodTo: null,
	recordedBy: 'Owner',
	reversal: null
};

describe('payouts', () => {
	it('partnerMoney sends the partner id as partnerId and the period', async () => {
		const sent = fakeShell(() => ({}));
		await payouts.partnerMoney(3, '2026-11-01', '2026-11-30');
		expect(sent).toEqual([
			{
				cmd: 'partner_money',
				args: { partnerId: 3, from: '2026-11-01', to: '2026-11-30' }
			}
		]);
	});

	it('record sends the input as typed and resolves with the payout', async () => {
		const sent = fakeShell(() => payout);
		await expect(payouts.record(3, payoutInput)).resolves.toEqual(payout);
		expect(sent).toEqual([{ cmd: 'record_payout', args: { partnerId: 3, input: payoutInput } }]);
	});

	it('record rejects over the balance with over_balance on amount until confirmed', async () => {
		// Like the core: the partner is owed €3.14; more is refused unless the owner confirmed.
		const sent = fakeShell((_cmd, args) => {
			const { input } = args as { input: payouts.PayoutInput };
			if (Number(input.amount) > 3.14 && !input.confirmOverBalance) {
				throw {
					code: 'over_balance',
					message: '€5.00 is more than the €3.14 this partner is owed. Confirm to pay it anyway.',
					field: 'amount'
				};
			}
			return { ...payout, amount: `€${Number(input.amount).toFixed(2)}` };
		});
		const over = { ...payoutInput, amount: '5' };
		await expect(refusalOf(payouts.record(3, over))).resolves.toEqual({
			code: 'over_balance',
			message: '€5.00 is more than the €3.14 this partner is owed. Confirm to pay it anyway.',
			field: 'amount'
		});
		await expect(payouts.record(3, { ...over, confirmOverBalance: true })).resolves.toMatchObject({
			amount: '€5.00'
		});
		await expect(payouts.record(3, payoutInput)).resolves.toMatchObject({ amount: '€3.14' });
		expect(sent.map((s) => s.args)).toEqual([
			{ partnerId: 3, input: over },
			{ partnerId: 3, input: { ...over, confirmOverBalance: true } },
			{ partnerId: 3, input: payoutInput }
		]);
	});

	it('reverse sends the id and the reason', async () => {
		const sent = fakeShell(() => payout);
		await payouts.reverse(7, 'Paid twice');
		expect(sent).toEqual([{ cmd: 'reverse_payout', args: { id: 7, reason: 'Paid twice' } }]);
	});

	it('printStatement sends the paper, null by default, and resolves with the path', async () => {
		const sent = fakeShell(() => '/home/me/statement.pdf');
		await expect(payouts.printStatement(3, '2026-11-01', '2026-11-30', 'letter')).resolves.toBe(
			'/home/me/statement.pdf'
		);
		await payouts.printStatement(3, '2026-11-01', '2026-11-30');
		expect(sent.map((s) => s.args)).toEqual([
			{ partnerId: 3, from: '2026-11-01', to: '2026-11-30', paper: 'letter' },
			{ partnerId: 3, from: '2026-11-01', to: '2026-11-30', paper: null }
		]);
		expect(sent[0].cmd).toBe('print_statement');
	});
});
