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
	it('partner import previews and imports the file text as read', async () => {
		const sent = fakeShell((cmd) =>
			cmd === 'import_partners'
				? { imported: 1, ids: [9] }
				: { rows: [], ready: 1, refused: 0, columnsIgnored: [] }
		);
		const csv = 'name,email\nCafé Müller,hi@example.com\n';
		await partners.previewImport(csv);
		await expect(partners.importCsv(csv)).resolves.toEqual({ imported: 1, ids: [9] });
		expect(sent).toEqual([
			{ cmd: 'preview_partner_import', args: { csv } },
			{ cmd: 'import_partners', args: { csv } }
		]);
	});
});
