import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@tauri-apps/api/core';
import * as statements from './statements';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const preview: statements.StatementPreview = {
	path: '/home/me/Crumb-2026-11.partnerdesk-statement.json',
	issuerName: 'Crumb & Co. Bakery',
	issuerAddress: '1 Mill Lane, Cork',
	recipientName: 'Café Müller',
	addressedToUs: true,
	periodFrom: '2026-11-01',
	periodTo: '2026-11-30',
	currency: 'EUR',
	issuedAt: '2026-12-01T09:00:00Z',
	totals: {
		redemptions: 3,
		voided: 1,
		newCustomers: 2,
		sales: '€37.20',
		discounts: '€3.72',
		commissions: '€1.86'
	},
	lines: [
		{
			date: '2026-11-03',
			code: 'MULLER-7K2Q-X9A',
			sale: '€12.40',
			discount: '€1.24',
			commission: '€0.62',
			voided: false
		}
	],
	fingerprint: '3F2A 9C1B 77E0 D4A1 0B6F 2C8E 91D3 5A70',
	key: 'new',
	pinnedFingerprint: null,
	partnerId: 3
};

const entry = {
	id: 9,
	partnerId: 3,
	periodFrom: '2026-11-01',
	periodTo: '2026-11-30',
	customers: 3,
	amount: '€1.86',
	reference: '',
	source: 'statementFile',
	recordedBy: 'Owner',
	recordedAt: '2026-12-02T10:00:00Z',
	reversal: null
};

/** Delivers `message` on a channel the way the shell does, in order from `index`. */
function deliver(channel: Channel<unknown>, index: number, message: unknown) {
	const internals = (
		window as unknown as {
			__TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void };
		}
	).__TAURI_INTERNALS__;
	internals.runCallback(channel.id, { index, message });
}

describe('statements', () => {
	it('choose calls choose_statement_file and resolves with the preview, or null when cancelled', async () => {
		let cancel = false;
		const sent = fakeShell(() => (cancel ? null : preview));
		await expect(statements.choose()).resolves.toEqual(preview);
		cancel = true;
		await expect(statements.choose()).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'choose_statement_file', args: {} },
			{ cmd: 'choose_statement_file', args: {} }
		]);
	});

	it('choose passes the core’s sentence on for a file it refuses', async () => {
		fakeShell(() => {
			throw {
				code: 'statement_refused',
				message: 'That file is not a Partnerdesk statement.',
				field: null
			};
		});
		// Whatever code the shell names, the owner reads its sentence.
		await expect(refusalOf(statements.choose())).resolves.toMatchObject({
			message: 'That file is not a Partnerdesk statement.'
		});
	});

	it('importFile sends the path, the partner and the owner’s yes to a new key', async () => {
		const sent = fakeShell(() => entry);
		await expect(statements.importFile(preview.path, 3, false)).resolves.toEqual(entry);
		await statements.importFile(preview.path, 5, true);
		expect(sent).toEqual([
			{
				cmd: 'import_statement',
				args: { path: preview.path, partnerId: 3, acceptNewKey: false }
			},
			{ cmd: 'import_statement', args: { path: preview.path, partnerId: 5, acceptNewKey: true } }
		]);
	});

	it('importFile refuses a changed key until the owner accepts it', async () => {
		// Like the core: another key signed it; only the owner's explicit yes lets it in.
		fakeShell((_cmd, args) => {
			if (!(args as { acceptNewKey: boolean }).acceptNewKey) {
				throw {
					code: 'key_changed',
					message: 'Signed with a different key than the one on file for them.',
					field: null
				};
			}
			return entry;
		});
		await expect(refusalOf(statements.importFile(preview.path, 3, false))).resolves.toMatchObject({
			message: 'Signed with a different key than the one on file for them.'
		});
		await expect(statements.importFile(preview.path, 3, true)).resolves.toEqual(entry);
	});

	it('importFile rejects a period already entered with already_entered', async () => {
		fakeShell(() => {
			throw {
				code: 'already_entered',
				message: 'Their statement for November 2026 is already entered.',
				field: null
			};
		});
		await expect(refusalOf(statements.importFile(preview.path, 3, false))).resolves.toEqual({
			code: 'already_entered',
			message: 'Their statement for November 2026 is already entered.',
			field: null
		});
	});

	it('printAll passes the period, the paper and a channel, and reports each statement', async () => {
		const seen: statements.PrintProgress[] = [];
		const sent = fakeShell((_cmd, args) => {
			const channel = (args as { onProgress: Channel<unknown> }).onProgress;
			deliver(channel, 0, { done: 1, total: 2, partner: 'Café Müller' });
			deliver(channel, 1, { done: 2, total: 2, partner: 'Crumb & Co. Bakery' });
			return { folder: '/home/me/Statements', statements: 2 };
		});
		await expect(
			statements.printAll('2026-12-01', '2026-12-31', 'a4', (p) => seen.push(p))
		).resolves.toEqual({ folder: '/home/me/Statements', statements: 2 });
		expect(seen).toEqual([
			{ done: 1, total: 2, partner: 'Café Müller' },
			{ done: 2, total: 2, partner: 'Crumb & Co. Bakery' }
		]);
		expect(sent).toHaveLength(1);
		expect(sent[0].cmd).toBe('print_all_statements');
		expect(sent[0].args).toMatchObject({ from: '2026-12-01', to: '2026-12-31', paper: 'a4' });
	});

	it('printAll sends no paper by default and resolves null when the owner cancelled', async () => {
		const sent = fakeShell(() => null);
		await expect(statements.printAll('2026-12-01', '2026-12-31')).resolves.toBeNull();
		expect(sent[0].args).toMatchObject({ paper: null });
	});

	it('printAll rejects as an ApiError when a document fails', async () => {
		fakeShell(() => {
			throw { code: 'document_failed', message: 'The PDF could not be made.', field: null };
		});
		await expect(refusalOf(statements.printAll('2026-12-01', '2026-12-31'))).resolves.toEqual({
			code: 'document_failed',
			message: 'The PDF could not be made.',
			field: null
		});
	});

	it('ourKey calls our_statement_key', async () => {
		const sent = fakeShell(() => '3F2A 9C1B 77E0 D4A1 0B6F 2C8E 91D3 5A70');
		await expect(statements.ourKey()).resolves.toBe('3F2A 9C1B 77E0 D4A1 0B6F 2C8E 91D3 5A70');
		expect(sent).toEqual([{ cmd: 'our_statement_key', args: {} }]);
	});
});
