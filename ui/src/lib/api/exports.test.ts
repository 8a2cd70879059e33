import { afterEach, describe, expect, it } from 'vitest';
import * as exports from './exports';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

describe('exports', () => {
	it('csv sends the kind and resolves with null when cancelled', async () => {
		const sent = fakeShell(() => null);
		await expect(exports.csv('payouts')).resolves.toBeNull();
		expect(sent).toEqual([{ cmd: 'export_csv', args: { kind: 'payouts' } }]);
	});
});
