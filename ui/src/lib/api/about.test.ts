import { afterEach, describe, expect, it } from 'vitest';
import * as about from './about';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

describe('about', () => {
	it('reads the about view and opens the data folder', async () => {
		const view: about.AboutView = {
			version: '0.1.0',
			dataDir: '/home/łucja/.local/share/app.partnerdesk.desk',
			schema: 20261207000010,
			license: 'MIT',
			thirdParty: [
				{ source: 'crate', name: 'tauri', version: '2.12.5', license: 'Apache-2.0 OR MIT' }
			]
		};
		const sent = fakeShell((cmd) => (cmd === 'about' ? view : null));
		await expect(about.about()).resolves.toEqual(view);
		await expect(about.openDataFolder()).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'about', args: {} },
			{ cmd: 'open_data_folder', args: {} }
		]);
	});
});
