// The backups section's words: why a backup was taken, how big it is, and what it holds, in
// the shop's locale.

import type { Backup } from '$lib/api/bindings/Backup';
import type { BackupContents } from '$lib/api/bindings/BackupContents';
import type { BackupReason } from '$lib/api/bindings/BackupReason';
import { dateTimeText, numberText } from '$lib/format';

export const reasonLabels: Record<BackupReason, string> = {
	daily: 'Daily',
	before_migration: 'Before an update of the database',
	before_restore: 'Before a restore',
	before_update: 'Before an app update',
	manual: 'Backed up by hand'
};

/** Whole kilobytes; a tenth from a megabyte up. */
const units = [
	{ unit: 'KB', decimals: 0 },
	{ unit: 'MB', decimals: 1 },
	{ unit: 'GB', decimals: 1 }
] as const;

/** A file's size as a file manager says it: "512 bytes", "148 KB", "1.2 MB". */
export function sizeText(bytes: number, locale: string | undefined): string {
	if (bytes < 1024) return countText(bytes, 'byte', 'bytes', locale);
	let size = bytes / 1024;
	let i = 0;
	// Up a unit where the rounded figure would reach 1024 of this one: "1 MB", not "1024 KB".
	while (i < units.length - 1 && rounded(size, units[i].decimals) >= 1024) {
		size /= 1024;
		i += 1;
	}
	return `${numberText(size, locale, units[i].decimals)} ${units[i].unit}`;
}

function rounded(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	return Math.round(value * scale) / scale;
}

/** "12 partners", "1 partner": a count in the locale with its noun. */
export function countText(
	count: number,
	one: string,
	many: string,
	locale: string | undefined
): string {
	return `${numberText(count, locale)} ${count === 1 ? one : many}`;
}

/** What a backup holds on one line: "12 partners · 1,204 redemptions · last 28 Nov 2026, 17:42". */
export function contentsText(contents: BackupContents | null, locale: string | undefined): string {
	return contentsParts(contents, locale).join(' · ');
}

/** The parts of `contentsText`, for a list that wraps only between them. */
export function contentsParts(
	contents: BackupContents | null,
	locale: string | undefined
): string[] {
	if (!contents) return ['cannot be read'];
	const parts = [
		countText(contents.partners, 'partner', 'partners', locale),
		countText(contents.redemptions, 'redemption', 'redemptions', locale)
	];
	if (contents.lastRedemptionAt) {
		parts.push(`last ${dateTimeText(contents.lastRedemptionAt, locale)}`);
	}
	return parts;
}

/** What the restore confirmation sets side by side for the data now and the backup. */
export function contentsFacts(
	contents: BackupContents | null,
	locale: string | undefined
): { label: string; value: string }[] {
	if (!contents) return [{ label: 'Contents', value: 'cannot be read' }];
	return [
		{ label: 'Partners', value: numberText(contents.partners, locale) },
		{ label: 'Redemptions', value: numberText(contents.redemptions, locale) },
		{
			label: 'Last redemption',
			value: contents.lastRedemptionAt ? dateTimeText(contents.lastRedemptionAt, locale) : 'None'
		}
	];
}

/** "Backup from 28 Nov 2026, 17:42". */
export function backupTitle(backup: Backup, locale: string | undefined): string {
	return `Backup from ${dateTimeText(backup.takenAt, locale)}`;
}
