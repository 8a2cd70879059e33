import { afterEach, describe, expect, it } from 'vitest';
import * as updates from './updates';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const offline: updates.UpdatesView = {
	currentVersion: '0.1.0',
	state: { state: 'couldNotCheck' },
	sentence: 'Could not check for updates (offline?)',
	checkAtStart: false
};

describe('updates', () => {
	it('status and check call their commands with no arguments', async () => {
		const sent = fakeShell(() => offline);
		await expect(updates.status()).resolves.toEqual(offline);
		await expect(updates.check()).resolves.toEqual(offline);
		expect(sent).toEqual([
			{ cmd: 'update_status', args: {} },
			{ cmd: 'check_for_updates', args: {} }
		]);
	});

	it('install rejects with update_refused when the signature does not verify', async () => {
		const refusal = {
			code: 'update_refused',
			message: 'Partnerdesk 0.1.1 was not installed: its signature does not verify.',
			field: null
		};
		fakeShell(() => {
			throw refusal;
		});
		await expect(refusalOf(updates.install())).resolves.toEqual(refusal);
	});

	it('the check at start is sent as `allowed`', async () => {
		const sent = fakeShell(() => ({ ...offline, checkAtStart: true }));
		await expect(updates.setCheckAtStart(true)).resolves.toMatchObject({ checkAtStart: true });
		expect(sent).toEqual([{ cmd: 'set_update_check_at_start', args: { allowed: true } }]);
	});
});
