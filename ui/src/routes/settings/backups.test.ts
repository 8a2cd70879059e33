import { describe, expect, it } from 'vitest';
import type { Backup } from '$lib/api/bindings/Backup';
import {
	backupTitle,
	contentsFacts,
	contentsText,
	countText,
	reasonLabels,
	sizeText
} from './backups';

const contents = {
	partners: 12,
	redemptions: 1204,
	lastRedemptionAt: '2026-11-28T17:42:00Z',
	writtenBy: '0.1.0',
	schema: 20261101000000
};

describe('backups', () => {
	it('says why a backup was taken in words', () => {
		expect(reasonLabels).toEqual({
			daily: 'Daily',
			before_migration: 'Before an update of the database',
			before_restore: 'Before a restore',
			before_update: 'Before an app update',
			manual: 'Backed up by hand'
		});
	});

	it('gives sizes as a file manager does, in the locale', () => {
		expect(sizeText(0, 'en-IE')).toBe('0 bytes');
		expect(sizeText(1, 'en-IE')).toBe('1 byte');
		expect(sizeText(1023, 'en-IE')).toBe('1,023 bytes');
		expect(sizeText(151_552, 'en-IE')).toBe('148 KB');
		expect(sizeText(1_258_291, 'en-IE')).toBe('1.2 MB');
		expect(sizeText(1_258_291, 'de-DE')).toBe('1,2 MB');
		// Rounding never shows 1024 of a unit: that is one of the next.
		expect(sizeText(1024 * 1024 - 100, 'en-IE')).toBe('1 MB');
		expect(sizeText(12 * 1024 * 1024, 'en-IE')).toBe('12 MB');
		expect(sizeText(3 * 1024 ** 3, 'en-IE')).toBe('3 GB');
	});

	it('counts with the right noun', () => {
		expect(countText(1, 'partner', 'partners', 'en-IE')).toBe('1 partner');
		expect(countText(0, 'partner', 'partners', 'en-IE')).toBe('0 partners');
		expect(countText(1204, 'redemption', 'redemptions', 'en-IE')).toBe('1,204 redemptions');
	});

	it('says what a backup holds on one line, and when it cannot be read', () => {
		expect(contentsText(contents, 'en-IE')).toBe(
			'12 partners · 1,204 redemptions · last 28 Nov 2026, 17:42'
		);
		expect(contentsText(contents, 'de-DE')).toBe(
			'12 partners · 1.204 redemptions · last 28.11.2026, 17:42'
		);
		expect(
			contentsText({ ...contents, partners: 1, redemptions: 0, lastRedemptionAt: null }, 'en-IE')
		).toBe('1 partner · 0 redemptions');
		expect(contentsText(null, 'en-IE')).toBe('cannot be read');
	});

	it('sets out the facts the restore confirmation compares', () => {
		expect(contentsFacts(contents, 'en-IE')).toEqual([
			{ label: 'Partners', value: '12' },
			{ label: 'Redemptions', value: '1,204' },
			{ label: 'Last redemption', value: '28 Nov 2026, 17:42' }
		]);
		expect(contentsFacts({ ...contents, lastRedemptionAt: null }, 'en-IE')[2]).toEqual({
			label: 'Last redemption',
			value: 'None'
		});
		expect(contentsFacts(null, 'en-IE')).toEqual([{ label: 'Contents', value: 'cannot be read' }]);
	});

	it('names a backup by when it was taken', () => {
		const backup: Backup = {
			fileName: 'a.sqlite',
			takenAt: '2026-11-28T17:42:00Z',
			reason: 'manual',
			sizeBytes: 10,
			contents
		};
		expect(backupTitle(backup, 'en-IE')).toBe('Backup from 28 Nov 2026, 17:42');
	});
});
