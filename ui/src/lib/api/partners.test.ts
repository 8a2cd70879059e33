import { afterEach, describe, expect, it } from 'vitest';
import * as partners from './partners';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const input: partners.PartnerInput = {
	name: 'Bäckerei Müller',
	category: 'Bakery',
	contactPerson: 'Anna Müller',
	email: '',
	phone: '',
	address: '',
	website: '',
	notes: '',
	fit: { audience: 4, synergy: null, reputation: 5, motivation: null }
};

const saved: partners.Partner = {
	id: 3,
	...input,
	status: 'prospect',
	fitAverage: '4.5',
	nextStatuses: ['active', 'ended'],
	createdAt: '2025-01-01T10:00:00Z',
	updatedAt: '2025-01-01T10:00:00Z'
};

describe('partners', () => {
	it('list sends the query under `query`', async () => {
		const sent = fakeShell(() => [saved]);
		const query = { search: 'müll', status: 'prospect', sort: 'fitHighFirst' } as const;
		await expect(partners.list(query)).resolves.toEqual([saved]);
		expect(sent).toEqual([{ cmd: 'list_partners', args: { query } }]);
	});

	it('listings sends the query under `query` and hands back the core’s words and order', async () => {
		const listing: partners.PartnerListing = {
			...saved,
			status: 'active',
			lastRedemption: '2026-10-05',
			redemptionsThisMonth: 0,
			balance: { direction: 'weOwe', amount: '€4.50' },
			needsAttention: true
		};
		const sent = fakeShell(() => [listing]);
		const query = { sort: 'needsAttentionFirst' } as const;
		await expect(partners.listings(query)).resolves.toEqual([listing]);
		expect(sent).toEqual([{ cmd: 'list_partner_listings', args: { query } }]);
		await partners.listings();
		expect(sent[1]).toEqual({ cmd: 'list_partner_listings', args: { query: {} } });
	});

	it('printKit sends the partner and the paper, null by default, and resolves with the path', async () => {
		const sent = fakeShell(() => '/home/me/Partner kit.pdf');
		await expect(partners.printKit(3, 'letter')).resolves.toBe('/home/me/Partner kit.pdf');
		await partners.printKit(3);
		expect(sent).toEqual([
			{ cmd: 'print_partner_kit', args: { partnerId: 3, paper: 'letter' } },
			{ cmd: 'print_partner_kit', args: { partnerId: 3, paper: null } }
		]);
	});

	it('list with no query sends an empty one', async () => {
		const sent = fakeShell(() => []);
		await partners.list();
		expect(sent).toEqual([{ cmd: 'list_partners', args: { query: {} } }]);
	});

	it('get sends the id and rejects an unknown one with not_found', async () => {
		// Like the core: only partner 3 exists.
		const sent = fakeShell((_cmd, args) => {
			const { id } = args as { id: number };
			if (id !== 3)
				throw { code: 'not_found', message: `Partner #${id} does not exist.`, field: null };
			return saved;
		});
		await expect(refusalOf(partners.get(9))).resolves.toEqual({
			code: 'not_found',
			message: 'Partner #9 does not exist.',
			field: null
		});
		await expect(partners.get(3)).resolves.toEqual(saved);
		expect(sent).toEqual([
			{ cmd: 'get_partner', args: { id: 9 } },
			{ cmd: 'get_partner', args: { id: 3 } }
		]);
	});

	it('create sends input and a null status unless one is given', async () => {
		const sent = fakeShell(() => saved);
		await partners.create(input);
		await partners.create(input, 'active');
		expect(sent).toEqual([
			{ cmd: 'create_partner', args: { input, status: null } },
			{ cmd: 'create_partner', args: { input, status: 'active' } }
		]);
	});

	it('create rejects a duplicate name with the name field', async () => {
		// Like the core: names are compared ignoring case; Bäckerei Müller exists.
		const sent = fakeShell((_cmd, args) => {
			const { input: typed } = args as { input: partners.PartnerInput };
			if (typed.name.toLocaleLowerCase() === 'bäckerei müller') {
				throw {
					code: 'duplicate_name',
					message: 'A partner is already called that.',
					field: 'name'
				};
			}
			return { ...saved, id: 4, name: typed.name };
		});
		await expect(
			refusalOf(partners.create({ ...input, name: 'BÄCKEREI MÜLLER' }))
		).resolves.toEqual({
			code: 'duplicate_name',
			message: 'A partner is already called that.',
			field: 'name'
		});
		await expect(partners.create({ ...input, name: 'Café Łódź' })).resolves.toMatchObject({
			id: 4
		});
		expect(sent.map((s) => (s.args as { input: partners.PartnerInput }).input.name)).toEqual([
			'BÄCKEREI MÜLLER',
			'Café Łódź'
		]);
	});

	it('update sends id and input', async () => {
		const sent = fakeShell(() => saved);
		await partners.update(3, input);
		expect(sent).toEqual([{ cmd: 'update_partner', args: { id: 3, input } }]);
	});

	it('changeStatus sends id and status and rejects a refused transition on status', async () => {
		// Like the core: a prospect may become active or ended, not paused.
		const sent = fakeShell((_cmd, args) => {
			const { status } = args as { status: partners.PartnerStatus };
			if (!saved.nextStatuses.includes(status)) {
				throw {
					code: 'transition_not_allowed',
					message: 'A prospect cannot be paused.',
					field: 'status'
				};
			}
			return { ...saved, status };
		});
		await expect(refusalOf(partners.changeStatus(3, 'paused'))).resolves.toMatchObject({
			code: 'transition_not_allowed',
			field: 'status'
		});
		await expect(partners.changeStatus(3, 'active')).resolves.toMatchObject({ status: 'active' });
		expect(sent).toEqual([
			{ cmd: 'change_partner_status', args: { id: 3, status: 'paused' } },
			{ cmd: 'change_partner_status', args: { id: 3, status: 'active' } }
		]);
	});
});

describe('partner import', () => {
	it('sends the file as its bytes, untouched, and the options as a JSON header', async () => {
		const sent = fakeShell((cmd) =>
			cmd === 'import_partners'
				? { imported: 1, ids: [9] }
				: { rows: [], ready: 1, refused: 0, columnsIgnored: [] }
		);
		// "Café" saved as Windows-1252: é is the single byte E9, not valid UTF-8.
		const bytes = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
		await partners.previewImport(bytes);
		const options = { encoding: 'iso88592' as const, columns: ['name' as const, null] };
		await expect(partners.importCsv(bytes, options)).resolves.toEqual({ imported: 1, ids: [9] });
		expect(sent.map((s) => s.cmd)).toEqual(['preview_partner_import', 'import_partners']);
		for (const s of sent) expect(s.args).toEqual(bytes);
		expect(partners.importHeaders(options)).toEqual({
			'partnerdesk-import-options': '{"encoding":"iso88592","columns":["name",null]}'
		});
		expect(partners.importHeaders(partners.autoImport)).toEqual({
			'partnerdesk-import-options': '{"encoding":null,"columns":null}'
		});
	});

	it('states the size limit as the core does', () => {
		expect(partners.MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
		expect(partners.TOO_LARGE_MESSAGE).toBe(
			'This file is larger than 2 MB. Split it into smaller files and import them one by one.'
		);
	});
});
