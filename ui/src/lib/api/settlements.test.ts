import { afterEach, describe, expect, it } from 'vitest';
import * as settlements from './settlements';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const input: settlements.SettlementInput = {
	periodFrom: '2026-12-01',
	periodTo: '2026-12-31',
	settledOn: '2027-01-05',
	amount: '1.14',
	method: 'bankTransfer',
	reference: 'DEC-NET'
};

const settlement: settlements.SettlementView = {
	id: 4,
	partnerId: 3,
	periodFrom: '2026-12-01',
	periodTo: '2026-12-31',
	settledOn: '2027-01-05',
	weOwed: '€3.00',
	theyOwed: '€1.86',
	direction: 'weOwe',
	paid: '€1.14',
	method: 'bankTransfer',
	reference: 'DEC-NET',
	recordedBy: 'Owner',
	reversal: null
};

const row: settlements.MonthEndRow = {
	partnerId: 3,
	name: 'Crumb & Co. Bakery',
	twoWay: true,
	weOwe: '€3.00',
	theyOwe: '€1.86',
	net: { direction: 'weOwe', amount: '€1.14' },
	proposedAmount: '1.14',
	lastSent: null,
	lastReceived: '2026-11-30',
	settlement: null,
	settleable: true
};

describe('settlements', () => {
	it('monthEnd sends the period and resolves with the rows as the core wrote them', async () => {
		const view: settlements.MonthEnd = {
			from: '2026-12-01',
			to: '2026-12-31',
			rows: [row],
			weOwe: '€3.00',
			theyOwe: '€1.86',
			net: { direction: 'weOwe', amount: '€1.14' }
		};
		const sent = fakeShell(() => view);
		await expect(settlements.monthEnd('2026-12-01', '2026-12-31')).resolves.toEqual(view);
		expect(sent).toEqual([{ cmd: 'month_end', args: { from: '2026-12-01', to: '2026-12-31' } }]);
	});

	it('settle sends the partner id as partnerId and the input as typed', async () => {
		const sent = fakeShell(() => settlement);
		await expect(settlements.settle(3, input)).resolves.toEqual(settlement);
		expect(sent).toEqual([{ cmd: 'settle', args: { partnerId: 3, input } }]);
	});

	it('settle rejects with nothing_to_settle when neither side owes anything', async () => {
		fakeShell(() => {
			throw {
				code: 'nothing_to_settle',
				message: 'Neither of you owes the other anything for December 2026.',
				field: null
			};
		});
		await expect(refusalOf(settlements.settle(3, input))).resolves.toEqual({
			code: 'nothing_to_settle',
			message: 'Neither of you owes the other anything for December 2026.',
			field: null
		});
	});

	it('settle rejects a bad amount on amount, keeping the code', async () => {
		fakeShell(() => {
			throw { code: 'invalid_input', message: 'Type an amount, e.g. 12.50.', field: 'amount' };
		});
		await expect(refusalOf(settlements.settle(3, { ...input, amount: 'x' }))).resolves.toEqual({
			code: 'invalid_input',
			message: 'Type an amount, e.g. 12.50.',
			field: 'amount'
		});
	});

	it('reverse sends the id and the reason to reverse_settlement', async () => {
		const reversed = {
			...settlement,
			reversal: { at: '2027-01-06T09:00:00Z', by: 'Owner', reason: 'Wrong month' }
		};
		const sent = fakeShell(() => reversed);
		await expect(settlements.reverse(4, 'Wrong month')).resolves.toEqual(reversed);
		expect(sent).toEqual([{ cmd: 'reverse_settlement', args: { id: 4, reason: 'Wrong month' } }]);
	});

	it('reverse rejects an empty reason on reason', async () => {
		fakeShell(() => {
			throw { code: 'invalid_input', message: 'Say why.', field: 'reason' };
		});
		await expect(refusalOf(settlements.reverse(4, ''))).resolves.toMatchObject({
			code: 'invalid_input',
			field: 'reason'
		});
	});

	it('list sends the partner id as partnerId', async () => {
		const sent = fakeShell(() => [settlement]);
		await expect(settlements.list(3)).resolves.toEqual([settlement]);
		expect(sent).toEqual([{ cmd: 'list_settlements', args: { partnerId: 3 } }]);
	});
});
