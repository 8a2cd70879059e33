import { describe, expect, it } from 'vitest';
import type { AppStatus } from './api/bindings/AppStatus';
import { desk } from './desk.svelte';

const status = (): AppStatus => ({
	version: '0.1.0',
	dataDir: '/data',
	problem: null,
	profile: null,
	choices: { currencies: [], locales: [] },
	partnerStartStatuses: ['prospect', 'active'],
	demoAvailable: false,
	till: 'Till 1',
	session: null,
	needsOwner: true,
	tillOnly: false,
	idleLockMinutes: 10,
	unsettledSales: []
});

describe('desk', () => {
	it('records a sign-in, which also means an owner exists, and the lock', () => {
		desk.status = status();
		expect(desk.session).toBeNull();
		expect(desk.ownerWindow).toBe(false);

		desk.signedIn({ personId: 1, name: 'Ada', role: 'owner', counterOnly: false });
		expect(desk.session?.name).toBe('Ada');
		expect(desk.ownerWindow).toBe(true);
		expect(desk.status.needsOwner).toBe(false);

		desk.locked();
		expect(desk.session).toBeNull();
		expect(desk.ownerWindow).toBe(false);
	});

	it('gives no owner window to staff nor to an owner on a dedicated till, and keeps a new idle time', () => {
		desk.status = status();
		desk.signedIn({ personId: 2, name: 'Bo', role: 'staff', counterOnly: true });
		expect(desk.ownerWindow).toBe(false);
		desk.signedIn({ personId: 1, name: 'Ada', role: 'owner', counterOnly: true });
		expect(desk.ownerWindow).toBe(false);
		desk.idleLockSet(25);
		expect(desk.status.idleLockMinutes).toBe(25);
	});
});
