import { afterEach, describe, expect, it } from 'vitest';
import * as program from './program';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

describe('program', () => {
	it('dashboard sends the period', async () => {
		const sent = fakeShell(() => ({}));
		await program.dashboard('2026-11-01', '2026-11-30');
		expect(sent).toEqual([{ cmd: 'dashboard', args: { from: '2026-11-01', to: '2026-11-30' } }]);
	});

	it('costs, revenue and goals send their inputs', async () => {
		const sent = fakeShell(() => null);
		const cost: program.CostInput = {
			spentOn: '2026-11-02',
			category: 'printing',
			amount: '40',
			partnerId: null,
			description: 'Cards',
			campaignId: null
		};
		await program.addCost(cost);
		await program.listCosts('2026-11-01', '2026-11-30');
		await program.setMonthRevenue({ month: '2026-11', amount: '12000', reason: '' });
		await program.addGoal({ kind: 'revenueShare', target: '20', byMonth: '2027-06' });
		expect(sent).toEqual([
			{ cmd: 'add_cost', args: { input: cost } },
			{ cmd: 'list_costs', args: { from: '2026-11-01', to: '2026-11-30' } },
			{
				cmd: 'set_month_revenue',
				args: { input: { month: '2026-11', amount: '12000', reason: '' } }
			},
			{
				cmd: 'add_goal',
				args: { input: { kind: 'revenueShare', target: '20', byMonth: '2027-06' } }
			}
		]);
	});

	it('corrections send what they correct and why', async () => {
		const sent = fakeShell(() => null);
		await program.reverseCost(7, 'Typed twice');
		await program.listMonthRevenues();
		await program.listGoals();
		await program.updateGoal(3, { kind: 'newCustomersPerMonth', target: '30', byMonth: '2027-06' });
		await program.archiveGoal(4, '');
		expect(sent).toEqual([
			{ cmd: 'reverse_cost', args: { id: 7, reason: 'Typed twice' } },
			{ cmd: 'list_month_revenues', args: {} },
			{ cmd: 'list_goals', args: {} },
			{
				cmd: 'update_goal',
				args: { id: 3, input: { kind: 'newCustomersPerMonth', target: '30', byMonth: '2027-06' } }
			},
			{ cmd: 'archive_goal', args: { id: 4, reason: '' } }
		]);
	});
});
