import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from './api/bindings/AppStatus';
import { fakeShell, removeFakeShell } from './api/testing';
import { desk } from './desk.svelte';

const status = (): AppStatus => ({
	version: '0.1.0',
	dataDir: '/data',
	problem: null,
	profile: null,
	choices: { currencies: [], locales: [], timeZones: ['UTC'], suggestedTimeZone: 'UTC' },
	partnerStartStatuses: ['prospect', 'active'],
	demoAvailable: false,
	till: 'Till 1',
	session: null,
	needsOwner: true,
	tillOnly: false,
	idleLockMinutes: 10,
	rescue: null,
	unsettledSales: [],
	saleLimits: null,
	currencyLock: null,
	timeZone: 'UTC'
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

describe('desk after a restore', () => {
	afterEach(removeFakeShell);

	it('reads the status anew and says so until someone signs in', async () => {
		desk.status = { ...status(), needsOwner: false };
		desk.signedIn({ personId: 1, name: 'Ada', role: 'owner', counterOnly: false });
		const sent = fakeShell(() => ({ ...status(), needsOwner: false, till: 'Łódź' }));
		await desk.restored('2026-11-28T17:42:00Z');
		expect(sent).toEqual([{ cmd: 'app_status', args: {} }]);
		expect(desk.session).toBeNull();
		expect(desk.status?.till).toBe('Łódź');
		expect(desk.restoredFrom).toBe('2026-11-28T17:42:00Z');

		desk.signedIn({ personId: 1, name: 'Ada', role: 'owner', counterOnly: false });
		expect(desk.restoredFrom).toBeNull();
	});

	it('locks the window even when the status cannot be read', async () => {
		desk.status = { ...status(), needsOwner: false };
		desk.signedIn({ personId: 1, name: 'Ada', role: 'owner', counterOnly: false });
		fakeShell(() => {
			throw { code: 'internal', message: 'The shell did not answer.', field: null };
		});
		await desk.restored('2026-11-28T17:42:00Z');
		expect(desk.session).toBeNull();
		expect(desk.restoredFrom).toBe('2026-11-28T17:42:00Z');
	});
});
