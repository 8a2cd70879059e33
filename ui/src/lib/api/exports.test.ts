import { afterEach, describe, expect, it } from 'vitest';
import * as exports from './exports';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

describe('exports', () => {
	it('csv sends the kind and the period and resolves with null when cancelled', async () => {
		const sent = fakeShell(() => null);
		await expect(exports.csv('redemptions', '2026-11-01', '2026-11-30')).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'export_csv', args: { kind: 'redemptions', from: '2026-11-01', to: '2026-11-30' } }
		]);
	});
});
