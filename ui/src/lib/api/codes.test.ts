import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@tauri-apps/api/core';
import * as codes from './codes';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const options: codes.CodeOptions = {
	validFrom: '2026-12-01',
	validUntil: '',
	redemptionLimit: '1',
	note: 'Christmas cards',
	withPrefix: true,
	campaignId: null
};

const code: codes.ReferralCode = {
	id: 41,
	partnerId: 3,
	code: '7K2QX9A',
	printed: 'CRUMB-7K2Q-X9A',
	prefix: 'CRUMB',
	batch: null,
	validFrom: '2026-12-01',
	validUntil: null,
	redemptionLimit: 1,
	note: 'Christmas cards',
	enabled: true,
	createdAt: '2026-11-24T10:00:00Z',
	updatedAt: '2026-11-24T10:00:00Z',
	uses: 0,
	campaignId: null
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

describe('codes', () => {
	it('page sends the partner, the filters, where the page starts and its size', async () => {
		const answer: codes.CodePage = { codes: [code], matching: 1, total: 5, next: null };
		const sent = fakeShell(() => answer);
		const query: codes.CodeQuery = { search: '7k2q', status: 'all', uses: 'unused', batch: null };
		await expect(codes.page(3, query)).resolves.toEqual(answer);
		await codes.page(3, query, 41, 50);
		expect(sent).toEqual([
			{ cmd: 'list_codes', args: { partnerId: 3, query, after: null, limit: codes.pageSize } },
			{ cmd: 'list_codes', args: { partnerId: 3, query, after: 41, limit: 50 } }
		]);
	});

	it('batches sends the partner id', async () => {
		const sent = fakeShell(() => ['b2', 'b1']);
		await expect(codes.batches(3)).resolves.toEqual(['b2', 'b1']);
		expect(sent).toEqual([{ cmd: 'list_code_batches', args: { partnerId: 3 } }]);
	});

	it('issue sends the custom code and options as typed, and null for a blank custom code', async () => {
		const sent = fakeShell(() => code);
		await expect(codes.issue(3, 'bakery 1', options)).resolves.toEqual(code);
		await codes.issue(3, '   ', options);
		await codes.issue(3, null, options);
		expect(sent).toEqual([
			{ cmd: 'issue_code', args: { partnerId: 3, custom: 'bakery 1', options } },
			{ cmd: 'issue_code', args: { partnerId: 3, custom: null, options } },
			{ cmd: 'issue_code', args: { partnerId: 3, custom: null, options } }
		]);
	});

	it('issue rejects a code already in use with code_taken on the code field', async () => {
		// Like the core: BAKERY1 is taken whatever the case and spacing it is typed in.
		const sent = fakeShell((_cmd, args) => {
			const { custom } = args as { custom: string | null };
			if (custom?.toUpperCase().replace(/[^0-9A-Z]/g, '') === 'BAKERY1') {
				throw { code: 'code_taken', message: 'BAKERY1-X is already in use.', field: 'code' };
			}
			return code;
		});
		await expect(refusalOf(codes.issue(3, ' bakery 1', options))).resolves.toEqual({
			code: 'code_taken',
			message: 'BAKERY1-X is already in use.',
			field: 'code'
		});
		await expect(codes.issue(3, 'bakery2', options)).resolves.toEqual(code);
		expect(sent.map((s) => (s.args as { custom: string | null }).custom)).toEqual([
			' bakery 1',
			'bakery2'
		]);
	});

	it('issueBatch passes a channel and reports each progress message', async () => {
		const seen: codes.BatchProgress[] = [];
		const sent = fakeShell((_cmd, args) => {
			const channel = (args as { onProgress: Channel<unknown> }).onProgress;
			deliver(channel, 0, { done: 100, total: 200 });
			deliver(channel, 1, { done: 200, total: 200 });
			return [code];
		});
		await expect(codes.issueBatch(3, 200, options, (p) => seen.push(p))).resolves.toEqual([code]);
		expect(seen).toEqual([
			{ done: 100, total: 200 },
			{ done: 200, total: 200 }
		]);
		expect(sent).toHaveLength(1);
		expect(sent[0].cmd).toBe('issue_code_batch');
		expect(sent[0].args).toMatchObject({ partnerId: 3, count: 200, options });
	});

	it('issueBatch rejects a count over the batch limit on count, having made nothing', async () => {
		const seen: codes.BatchProgress[] = [];
		// Like the core: more than `batchMax` is refused before any code is made.
		const sent = fakeShell((_cmd, args) => {
			const { count, onProgress } = args as { count: number; onProgress: Channel<unknown> };
			if (count > codes.batchMax) {
				throw { code: 'invalid_input', message: 'Count is at most 10000.', field: 'count' };
			}
			deliver(onProgress, 0, { done: count, total: count });
			return [code];
		});
		await expect(
			refusalOf(codes.issueBatch(3, codes.batchMax + 1, options, (p) => seen.push(p)))
		).resolves.toMatchObject({ code: 'invalid_input', field: 'count' });
		expect(seen).toEqual([]);
		await expect(
			codes.issueBatch(3, codes.batchMax, options, (p) => seen.push(p))
		).resolves.toEqual([code]);
		expect(seen).toEqual([{ done: codes.batchMax, total: codes.batchMax }]);
		expect(sent.map((s) => (s.args as { count: number }).count)).toEqual([10_001, 10_000]);
	});

	it('setEnabled sends the selection and the new state, and resolves with how many', async () => {
		const sent = fakeShell(() => 2);
		const selection: codes.CodeSelection = { ids: [41, 42], matching: null };
		await expect(codes.setEnabled(selection, false)).resolves.toBe(2);
		expect(sent).toEqual([{ cmd: 'set_codes_enabled', args: { selection, enabled: false } }]);
	});

	it('lookup sends the text as typed', async () => {
		const outcome: codes.LookupOutcome = {
			kind: 'mistyped',
			suggestion: {
				code: 'CRUMB-7K2Q-X9A',
				answer: { kind: 'disabled', code: 'CRUMB-7K2Q-X9A', partnerName: 'Crumb' }
			},
			ambiguous: false
		};
		const sent = fakeShell(() => outcome);
		await expect(codes.lookup('crumb 7k2q x9b')).resolves.toEqual(outcome);
		expect(sent).toEqual([{ cmd: 'lookup_code', args: { typed: 'crumb 7k2q x9b' } }]);
	});

	it('printCards sends the selection and the paper, and resolves with the saved path', async () => {
		const sent = fakeShell(() => '/home/me/cards.pdf');
		const every: codes.CodeSelection = {
			ids: [],
			matching: {
				partnerId: 3,
				query: { search: '', status: 'enabled', uses: 'all', batch: null },
				except: [41]
			}
		};
		await expect(codes.printCards(every, 'a4')).resolves.toBe('/home/me/cards.pdf');
		await codes.printCards({ ids: [41], matching: null });
		expect(sent).toEqual([
			{ cmd: 'print_card_sheet', args: { selection: every, paper: 'a4' } },
			{ cmd: 'print_card_sheet', args: { selection: { ids: [41], matching: null }, paper: null } }
		]);
	});

	it('a failure that is not an ApiError becomes an internal one', async () => {
		fakeShell(() => {
			throw 'invalid args `count` for command `issue_code_batch`';
		});
		await expect(codes.issueBatch(3, 1, options)).rejects.toMatchObject({ code: 'internal' });
	});
});
