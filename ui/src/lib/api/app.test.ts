import { afterEach, describe, expect, it } from 'vitest';
import * as app from './app';
import type { AppStatus } from './bindings/AppStatus';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const fresh: AppStatus = {
	version: '0.1.0',
	dataDir: '/home/ana/.local/share/partnerdesk',
	problem: null,
	profile: null,
	choices: { currencies: [{ code: 'EUR', label: 'Euro' }], locales: [] },
	demoAvailable: true,
	till: 'Till 1',
	role: 'owner'
};

describe('app', () => {
	it('status calls app_status with no arguments', async () => {
		const sent = fakeShell(() => fresh);
		await expect(app.status()).resolves.toEqual(fresh);
		expect(sent).toEqual([{ cmd: 'app_status', args: {} }]);
	});

	it('loadDemo calls load_demo and rejects with the shell code', async () => {
		const sent = fakeShell(() => {
			throw { code: 'invalid_input', message: 'The store already has data.', field: null };
		});
		await expect(app.loadDemo()).rejects.toMatchObject({ code: 'invalid_input', field: null });
		expect(sent.map((s) => s.cmd)).toEqual(['load_demo']);
	});
});
