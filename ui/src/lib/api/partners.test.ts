import { afterEach, describe, expect, it } from 'vitest';
import * as partners from './partners';
import { fakeShell, removeFakeShell } from './testing';

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

	it('get sends the id and rejects with not_found', async () => {
		const sent = fakeShell(() => {
			throw { code: 'not_found', message: 'Partner #9 does not exist.', field: null };
		});
		await expect(partners.get(9)).rejects.toMatchObject({ code: 'not_found', field: null });
		expect(sent).toEqual([{ cmd: 'get_partner', args: { id: 9 } }]);
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
		fakeShell(() => {
			throw { code: 'duplicate_name', message: 'A partner is already called that.', field: 'name' };
		});
		await expect(partners.create(input)).rejects.toEqual({
			code: 'duplicate_name',
			message: 'A partner is already called that.',
			field: 'name'
		});
	});

	it('update sends id and input', async () => {
		const sent = fakeShell(() => saved);
		await partners.update(3, input);
		expect(sent).toEqual([{ cmd: 'update_partner', args: { id: 3, input } }]);
	});

	it('changeStatus sends id and status and rejects a refused transition on status', async () => {
		const sent = fakeShell(() => {
			throw { code: 'transition_not_allowed', message: 'Not from ended.', field: 'status' };
		});
		await expect(partners.changeStatus(3, 'paused')).rejects.toMatchObject({
			code: 'transition_not_allowed',
			field: 'status'
		});
		expect(sent).toEqual([{ cmd: 'change_partner_status', args: { id: 3, status: 'paused' } }]);
	});
});
