import { afterEach, describe, expect, it } from 'vitest';
import * as receivables from './receivables';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const input: receivables.ReceivableInput = {
	periodFrom: '2026-11-01',
	periodTo: '2026-11-30',
	customers: '3',
	amount: '1,86',
	reference: 'Their NOV-12'
};

const entry: receivables.ReceivableView = {
	id: 9,
	partnerId: 3,
	periodFrom: '2026-11-01',
	periodTo: '2026-11-30',
	customers: 3,
	amount: '€1.86',
	reference: 'Their NOV-12',
	source: 'typed',
	recordedBy: 'Owner',
	recordedAt: '2026-12-02T10:00:00Z',
	reversal: null
};

describe('receivables', () => {
	it('record sends the partner id as partnerId and the input as typed', async () => {
		const sent = fakeShell(() => entry);
		await expect(receivables.record(3, input)).resolves.toEqual(entry);
		expect(sent).toEqual([{ cmd: 'record_receivable', args: { partnerId: 3, input } }]);
	});

	it('record rejects a period already entered with already_entered', async () => {
		// Like the core: the November statement of partner 3 is in already.
		const sent = fakeShell((_cmd, args) => {
			const { input: typed } = args as { input: receivables.ReceivableInput };
			if (typed.periodFrom === '2026-11-01') {
				throw {
					code: 'already_entered',
					message: 'Their statement for November 2026 is already entered.',
					field: 'periodFrom'
				};
			}
			return entry;
		});
		await expect(refusalOf(receivables.record(3, input))).resolves.toEqual({
			code: 'already_entered',
			message: 'Their statement for November 2026 is already entered.',
			field: 'periodFrom'
		});
		const december = { ...input, periodFrom: '2026-12-01', periodTo: '2026-12-31' };
		await expect(receivables.record(3, december)).resolves.toEqual(entry);
		expect(sent.map((s) => s.args)).toEqual([
			{ partnerId: 3, input },
			{ partnerId: 3, input: december }
		]);
	});

	it('record rejects a customer count that is not a whole number on customers', async () => {
		fakeShell(() => {
			throw { code: 'invalid_input', message: 'A whole number, e.g. 12.', field: 'customers' };
		});
		await expect(
			refusalOf(receivables.record(3, { ...input, customers: '2.5' }))
		).resolves.toMatchObject({ code: 'invalid_input', field: 'customers' });
	});

	it('reverse sends the id and the reason to reverse_receivable', async () => {
		const sent = fakeShell(() => entry);
		await receivables.reverse(9, 'Typed the wrong month');
		expect(sent).toEqual([
			{ cmd: 'reverse_receivable', args: { id: 9, reason: 'Typed the wrong month' } }
		]);
	});

	it('list sends the partner id as partnerId', async () => {
		const sent = fakeShell(() => [entry]);
		await expect(receivables.list(3)).resolves.toEqual([entry]);
		expect(sent).toEqual([{ cmd: 'list_receivables', args: { partnerId: 3 } }]);
	});
});
