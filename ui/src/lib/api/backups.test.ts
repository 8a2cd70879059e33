import { afterEach, describe, expect, it } from 'vitest';
import * as backups from './backups';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const daily: backups.Backup = {
	fileName: 'partnerdesk-2026-11-28T174200-daily.sqlite',
	takenAt: '2026-11-28T17:42:00Z',
	reason: 'daily',
	sizeBytes: 151_552,
	contents: {
		partners: 12,
		redemptions: 1204,
		lastRedemptionAt: '2026-11-28T17:40:00Z',
		writtenBy: '0.1.0',
		schema: 20261101000000
	}
};

const refused = {
	code: 'backup_refused',
	message: 'That file is not a Partnerdesk backup.',
	field: null
};

describe('backups', () => {
	it('list calls list_backups', async () => {
		const view: backups.BackupsView = { folder: '/data/backups', backups: [daily] };
		const sent = fakeShell(() => view);
		await expect(backups.list()).resolves.toEqual(view);
		expect(sent).toEqual([{ cmd: 'list_backups', args: {} }]);
	});

	it('backUpNow resolves with where the copy went, or null when the owner cancelled', async () => {
		let cancel = false;
		const sent = fakeShell(() => (cancel ? null : { backup: daily, savedTo: '/media/Łódź' }));
		await expect(backups.backUpNow()).resolves.toEqual({ backup: daily, savedTo: '/media/Łódź' });
		cancel = true;
		await expect(backups.backUpNow()).resolves.toBeNull();
		expect(sent.map((s) => s.cmd)).toEqual(['back_up_now', 'back_up_now']);
	});

	it('chooseFile resolves with the picked path or null', async () => {
		const sent = fakeShell(() => '/media/usb/Café Müller.sqlite');
		await expect(backups.chooseFile()).resolves.toBe('/media/usb/Café Müller.sqlite');
		expect(sent).toEqual([{ cmd: 'choose_backup_file', args: {} }]);
	});

	it('sends a listed backup by its file name and another by its path, under `source`', async () => {
		const sent = fakeShell((cmd) => {
			if (cmd === 'look_inside_backup') {
				return { backup: daily, business: 'Café Müller', contents: daily.contents };
			}
			return { current: daily.contents, backup: daily };
		});
		await backups.lookInside({ listed: daily.fileName });
		await backups.restorePreview({ file: '/media/usb/old.sqlite' });
		expect(sent).toEqual([
			{ cmd: 'look_inside_backup', args: { source: { listed: daily.fileName } } },
			{ cmd: 'restore_preview', args: { source: { file: '/media/usb/old.sqlite' } } }
		]);
	});

	it('restore sends the source; a file that is no backup is refused with backup_refused', async () => {
		const sent = fakeShell((_cmd, args) => {
			const { source } = args as { source: backups.BackupSource };
			if ('file' in source) throw refused;
			return null;
		});
		await expect(backups.restore({ listed: daily.fileName })).resolves.toBeNull();
		await expect(refusalOf(backups.restore({ file: '/tmp/notes.txt' }))).resolves.toEqual(refused);
		expect(sent[0]).toEqual({
			cmd: 'restore_backup',
			args: { source: { listed: daily.fileName } }
		});
	});

	it('restoreAfterDamage sends the offered file name in camelCase', async () => {
		const sent = fakeShell(() => null);
		await expect(backups.restoreAfterDamage(daily.fileName)).resolves.toBeNull();
		expect(sent).toEqual([{ cmd: 'restore_after_damage', args: { fileName: daily.fileName } }]);
	});
});
