import { afterEach, describe, expect, it } from 'vitest';
import * as money from './money';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const payoutInput: money.PayoutInput = {
	paidOn: '2026-11-30',
	amount: '3.14',
	method: 'bankTransfer',
	reference: 'NOV-1',
	periodFrom: '',
	periodTo: '',
	confirmOverBalance: false
};

const payout: money.PayoutView = {
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

describe('money', () => {
	it('dashboard sends the period', async () => {
		const sent = fakeShell(() => ({}));
		await money.dashboard('2026-11-01', '2026-11-30');
		expect(sent).toEqual([{ cmd: 'dashboard', args: { from: '2026-11-01', to: '2026-11-30' } }]);
	});

	it('partnerMoney sends the partner id as partnerId and the period', async () => {
		const sent = fakeShell(() => ({}));
		await money.partnerMoney(3, '2026-11-01', '2026-11-30');
		expect(sent).toEqual([
			{
				cmd: 'partner_money',
				args: { partnerId: 3, from: '2026-11-01', to: '2026-11-30' }
			}
		]);
	});

	it('recordPayout sends the input as typed and resolves with the payout', async () => {
		const sent = fakeShell(() => payout);
		await expect(money.recordPayout(3, payoutInput)).resolves.toEqual(payout);
		expect(sent).toEqual([{ cmd: 'record_payout', args: { partnerId: 3, input: payoutInput } }]);
	});

	it('recordPayout rejects over the balance with over_balance on amount until confirmed', async () => {
		// Like the core: the partner is owed €3.14; more is refused unless the owner confirmed.
		const sent = fakeShell((_cmd, args) => {
			const { input } = args as { input: money.PayoutInput };
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
		await expect(refusalOf(money.recordPayout(3, over))).resolves.toEqual({
			code: 'over_balance',
			message: '€5.00 is more than the €3.14 this partner is owed. Confirm to pay it anyway.',
			field: 'amount'
		});
		await expect(
			money.recordPayout(3, { ...over, confirmOverBalance: true })
		).resolves.toMatchObject({ amount: '€5.00' });
		await expect(money.recordPayout(3, payoutInput)).resolves.toMatchObject({ amount: '€3.14' });
		expect(sent.map((s) => s.args)).toEqual([
			{ partnerId: 3, input: over },
			{ partnerId: 3, input: { ...over, confirmOverBalance: true } },
			{ partnerId: 3, input: payoutInput }
		]);
	});

	it('reversePayout sends the id and the reason', async () => {
		const sent = fakeShell(() => payout);
		await money.reversePayout(7, 'Paid twice');
		expect(sent).toEqual([{ cmd: 'reverse_payout', args: { id: 7, reason: 'Paid twice' } }]);
	});

	it('printStatement sends the paper, null by default, and resolves with the path', async () => {
		const sent = fakeShell(() => '/home/me/statement.pdf');
		await expect(money.printStatement(3, '2026-11-01', '2026-11-30', 'letter')).resolves.toBe(
			'/home/me/statement.pdf'
		);
		await money.printStatement(3, '2026-11-01', '2026-11-30');
		expect(sent.map((s) => s.args)).toEqual([
			{ partnerId: 3, from: '2026-11-01', to: '2026-11-30', paper: 'letter' },
			{ partnerId: 3, from: '2026-11-01', to: '2026-11-30', paper: null }
		]);
		expect(sent[0].cmd).toBe('print_statement');
	});

	it('exportCsv sends the kind and resolves with null when cancelled', async () => {
		const sent = fakeShell(() => null);
		await expect(money.exportCsv('payouts')).resolves.toBeNull();
		expect(sent).toEqual([{ cmd: 'export_csv', args: { kind: 'payouts' } }]);
	});

	it('costs, revenue and goals send their inputs', async () => {
		const sent = fakeShell(() => null);
		const cost: money.CostInput = {
			spentOn: '2026-11-02',
			category: 'printing',
			amount: '40',
			partnerId: null,
			description: 'Cards'
		};
		await money.addCost(cost);
		await money.listCosts('2026-11-01', '2026-11-30');
		await money.setMonthRevenue('2026-11', '12000');
		await money.addGoal({ kind: 'revenueShare', target: '20', byMonth: '2027-06' });
		expect(sent).toEqual([
			{ cmd: 'add_cost', args: { input: cost } },
			{ cmd: 'list_costs', args: { from: '2026-11-01', to: '2026-11-30' } },
			{ cmd: 'set_month_revenue', args: { month: '2026-11', amount: '12000' } },
			{
				cmd: 'add_goal',
				args: { input: { kind: 'revenueShare', target: '20', byMonth: '2027-06' } }
			}
		]);
	});

	it('partner import previews and imports the file text as read', async () => {
		const sent = fakeShell((cmd) =>
			cmd === 'import_partners'
				? { imported: 1, ids: [9] }
				: { rows: [], ready: 1, refused: 0, columnsIgnored: [] }
		);
		const csv = 'name,email\nCafé Müller,hi@example.com\n';
		await money.previewPartnerImport(csv);
		await expect(money.importPartners(csv)).resolves.toEqual({ imported: 1, ids: [9] });
		expect(sent).toEqual([
			{ cmd: 'preview_partner_import', args: { csv } },
			{ cmd: 'import_partners', args: { csv } }
		]);
	});
});
