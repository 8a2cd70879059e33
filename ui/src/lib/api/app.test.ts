import { afterEach, describe, expect, it } from 'vitest';
import * as app from './app';
import type { AppStatus } from './bindings/AppStatus';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const fresh: AppStatus = {
	version: '0.1.0',
	dataDir: '/home/ana/.local/share/partnerdesk',
	problem: null,
	profile: null,
	choices: {
		currencies: [{ code: 'EUR', label: 'Euro' }],
		locales: [],
		timeZones: ['UTC'],
		suggestedTimeZone: 'UTC'
	},
	partnerStartStatuses: ['prospect', 'active'],
	demoAvailable: true,
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
};

describe('app', () => {
	it('status calls app_status with no arguments', async () => {
		const sent = fakeShell(() => fresh);
		await expect(app.status()).resolves.toEqual(fresh);
		expect(sent).toEqual([{ cmd: 'app_status', args: {} }]);
	});

	it('loadDemo calls load_demo, and rejects a second time once the store has data', async () => {
		// Like the core: the demo goes only into an empty store.
		let empty = true;
		const sent = fakeShell(() => {
			if (!empty)
				throw { code: 'invalid_input', message: 'The store already has data.', field: null };
			empty = false;
			return { ...fresh, demoAvailable: false };
		});
		await expect(app.loadDemo()).resolves.toMatchObject({ demoAvailable: false });
		await expect(refusalOf(app.loadDemo())).resolves.toEqual({
			code: 'invalid_input',
			message: 'The store already has data.',
			field: null
		});
		expect(sent).toEqual([
			{ cmd: 'load_demo', args: {} },
			{ cmd: 'load_demo', args: {} }
		]);
	});
});
