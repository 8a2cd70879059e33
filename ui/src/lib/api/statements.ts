// Signed statement files (owners only): reading a partner's file and importing what it says
// they owe us, printing every partner's statement at month-end, and the key our statements
// are signed with. A file's signature and key are checked by the core, never here.

import { Channel } from '@tauri-apps/api/core';
import { call } from './ipc';
import type { KeyStatus } from './bindings/KeyStatus';
import type { Paper } from './bindings/Paper';
import type { PartnerId } from './bindings/PartnerId';
import type { PrintedAll } from './bindings/PrintedAll';
import type { PrintProgress } from './bindings/PrintProgress';
import type { ReceivableView } from './bindings/ReceivableView';
import type { StatementLineView } from './bindings/StatementLineView';
import type { StatementPreview } from './bindings/StatementPreview';
import type { StatementTotalsView } from './bindings/StatementTotalsView';

export type {
	KeyStatus,
	PrintedAll,
	PrintProgress,
	StatementLineView,
	StatementPreview,
	StatementTotalsView
};

/**
 * Asks which statement file to open and reads it, signature checked, without saving anything.
 * Resolves with what it says, or null when the owner cancelled; rejects with
 * `statement_refused` for a file that is not a statement, fails its signature, is in another
 * currency or was already imported.
 */
export function choose(): Promise<StatementPreview | null> {
	return call<StatementPreview | null>('choose_statement_file');
}

/**
 * Imports the statement file at `path` (as `choose` read it) as what `partnerId` owes us.
 * Rejects with `key_changed` when another key than the one on file for them signed it, unless
 * `acceptNewKey` is set; with `already_entered` or `statement_refused` otherwise.
 */
export function importFile(
	path: string,
	partnerId: PartnerId,
	acceptNewKey: boolean
): Promise<ReceivableView> {
	return call<ReceivableView>('import_statement', { path, partnerId, acceptNewKey });
}

/**
 * Asks for a folder and writes every partner's statement for days `from..=to` into it, each a
 * PDF on `paper` (null: the locale's usual size) and a signed file, calling `onProgress` after
 * each. Resolves with the folder and the count, or null when the owner cancelled.
 */
export function printAll(
	from: string,
	to: string,
	paper: Paper | null = null,
	onProgress: (progress: PrintProgress) => void = () => {}
): Promise<PrintedAll | null> {
	const channel = new Channel<PrintProgress>();
	channel.onmessage = onProgress;
	return call<PrintedAll | null>('print_all_statements', {
		from,
		to,
		paper,
		onProgress: channel
	});
}

/** This installation's statement key fingerprint, as printed on our statements. */
export function ourKey(): Promise<string> {
	return call<string>('our_statement_key');
}
