// Backups: the list beside the database, "Back up now", looking inside one, and restoring
// one (the owner's), and restoring the offered backup over a damaged store (before sign-in).

import { call } from './ipc';
import type { BackedUp } from './bindings/BackedUp';
import type { Backup } from './bindings/Backup';
import type { BackupContents } from './bindings/BackupContents';
import type { BackupPeek } from './bindings/BackupPeek';
import type { BackupReason } from './bindings/BackupReason';
import type { BackupSource } from './bindings/BackupSource';
import type { BackupsView } from './bindings/BackupsView';
import type { RestorePreview } from './bindings/RestorePreview';

export type {
	BackedUp,
	Backup,
	BackupContents,
	BackupPeek,
	BackupReason,
	BackupSource,
	BackupsView,
	RestorePreview
};

/** The backups folder and its backups, newest first. */
export function list(): Promise<BackupsView> {
	return call<BackupsView>('list_backups');
}

/**
 * Asks for a folder and writes a verified backup there (and one in the backups folder);
 * resolves with it and the folder, or null when the owner cancelled.
 */
export function backUpNow(): Promise<BackedUp | null> {
	return call<BackedUp | null>('back_up_now');
}

/** Asks for a backup file elsewhere (a USB stick); resolves with its path, or null. */
export function chooseFile(): Promise<string | null> {
	return call<string | null>('choose_backup_file');
}

/** The partners and newest redemptions in a backup, read from a copy of it. */
export function lookInside(source: BackupSource): Promise<BackupPeek> {
	return call<BackupPeek>('look_inside_backup', { source });
}

/** What restoring `source` would replace with what. Refused with `backup_refused`. */
export function restorePreview(source: BackupSource): Promise<RestorePreview> {
	return call<RestorePreview>('restore_preview', { source });
}

/**
 * Replaces the data with `source`, the current data backed up first. On success the app runs
 * on the restored file and nobody is signed in: read the status again.
 */
export function restore(source: BackupSource): Promise<null> {
	return call<null>('restore_backup', { source });
}

/**
 * Restores the backup the start-up offered (`status.rescue`) over a store that failed its
 * check; refused with `backup_refused` when the store is not damaged. Read the status again.
 */
export function restoreAfterDamage(fileName: string): Promise<null> {
	return call<null>('restore_after_damage', { fileName });
}
