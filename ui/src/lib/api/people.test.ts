import { afterEach, describe, expect, it } from 'vitest';
import * as people from './people';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const ada: people.Person = { id: 1, name: 'Ada Łódź', role: 'owner', active: true };
const bo: people.Person = { id: 2, name: 'Café Müller', role: 'staff', active: true };

const lastOwner = {
	code: 'last_owner',
	message: 'Ada Łódź is the only owner. Make someone else an owner first.',
	field: null
};

describe('people', () => {
	it('list calls list_people', async () => {
		const sent = fakeShell(() => [ada, bo]);
		await expect(people.list()).resolves.toEqual([ada, bo]);
		expect(sent).toEqual([{ cmd: 'list_people', args: {} }]);
	});

	it('add sends the new person under `input`; a taken name is refused on name', async () => {
		const input: people.NewPerson = { name: 'Bo', role: 'staff', pin: '1234', pinAgain: '1234' };
		const sent = fakeShell((_cmd, args) => {
			const { input: typed } = args as { input: people.NewPerson };
			if (typed.name === ada.name) {
				throw { code: 'duplicate_name', message: 'Someone is called that.', field: 'name' };
			}
			return { id: 3, name: typed.name, role: typed.role, active: true };
		});
		await expect(refusalOf(people.add({ ...input, name: ada.name }))).resolves.toEqual({
			code: 'duplicate_name',
			message: 'Someone is called that.',
			field: 'name'
		});
		await expect(people.add(input)).resolves.toEqual({
			id: 3,
			name: 'Bo',
			role: 'staff',
			active: true
		});
		expect(sent[1]).toEqual({ cmd: 'add_person', args: { input } });
	});

	it('rename, setActive and setRole send the id and the new value', async () => {
		const sent = fakeShell((cmd, args) => {
			const a = args as Record<string, unknown>;
			if (cmd === 'rename_person') return { ...bo, name: a.name };
			if (cmd === 'set_person_active') return { ...bo, active: a.active };
			return { ...bo, role: a.role };
		});
		await expect(people.rename(2, 'Señora Bo')).resolves.toMatchObject({ name: 'Señora Bo' });
		await expect(people.setActive(2, false)).resolves.toMatchObject({ active: false });
		await expect(people.setRole(2, 'owner')).resolves.toMatchObject({ role: 'owner' });
		expect(sent).toEqual([
			{ cmd: 'rename_person', args: { id: 2, name: 'Señora Bo' } },
			{ cmd: 'set_person_active', args: { id: 2, active: false } },
			{ cmd: 'set_person_role', args: { id: 2, role: 'owner' } }
		]);
	});

	it('refuses to deactivate or demote the last owner with last_owner', async () => {
		fakeShell(() => {
			throw lastOwner;
		});
		await expect(refusalOf(people.setActive(1, false))).resolves.toEqual(lastOwner);
		await expect(refusalOf(people.setRole(1, 'staff'))).resolves.toEqual(lastOwner);
	});

	it('resetPin sends the PIN twice under `pin`', async () => {
		const sent = fakeShell(() => null);
		await expect(people.resetPin(2, { pin: '9999', pinAgain: '9999' })).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'reset_person_pin', args: { id: 2, pin: { pin: '9999', pinAgain: '9999' } } }
		]);
	});

	it('rejects staff with forbidden', async () => {
		fakeShell(() => {
			throw { code: 'forbidden', message: 'Only an owner can do that.', field: null };
		});
		await expect(refusalOf(people.list())).resolves.toMatchObject({ code: 'forbidden' });
	});
});
