// Partners: the businesses we send customers to and receive them from, typed in or imported
// from a CSV file.

import { call } from './ipc';
import type { ColumnChoice } from './bindings/ColumnChoice';
import type { EncodingChoice } from './bindings/EncodingChoice';
import type { ImportColumn } from './bindings/ImportColumn';
import type { ImportOptions } from './bindings/ImportOptions';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ImportRow } from './bindings/ImportRow';
import type { Partner } from './bindings/Partner';
import type { PartnerListing } from './bindings/PartnerListing';
import type { Paper } from './bindings/Paper';
import type { PartnerFit } from './bindings/PartnerFit';
import type { PartnerId } from './bindings/PartnerId';
import type { PartnerInput } from './bindings/PartnerInput';
import type { PartnerQuery } from './bindings/PartnerQuery';
import type { PartnerSort } from './bindings/PartnerSort';
import type { PartnerColumn } from './bindings/PartnerColumn';
import type { PartnerStatus } from './bindings/PartnerStatus';
import type { TextEncoding } from './bindings/TextEncoding';

export type {
	ColumnChoice,
	EncodingChoice,
	ImportColumn,
	ImportOptions,
	ImportOutcome,
	ImportPreview,
	ImportRow,
	Partner,
	PartnerFit,
	PartnerId,
	PartnerInput,
	PartnerListing,
	PartnerQuery,
	PartnerColumn,
	PartnerSort,
	PartnerStatus,
	TextEncoding
};

/** The partners matching `query`, in the order it asks for. */
export function list(query: PartnerQuery = {}): Promise<Partner[]> {
	return call<Partner[]>('list_partners', { query });
}

/**
 * The partners matching `query` as the Partners screen lists them: each with its last
 * redemption, this month's, the balance either way and whether it needs attention, in the
 * order the query asks for (the core sorts, by any of these too).
 */
export function listings(query: PartnerQuery = {}): Promise<PartnerListing[]> {
	return call<PartnerListing[]>('list_partner_listings', { query });
}

/** One partner by id; rejects with `not_found` when there is none. */
export function get(id: PartnerId): Promise<Partner> {
	return call<Partner>('get_partner', { id });
}

/** Adds a partner, as a prospect unless `status` says otherwise. */
export function create(input: PartnerInput, status: PartnerStatus | null = null): Promise<Partner> {
	return call<Partner>('create_partner', { input, status });
}

/** Replaces a partner's details; its status changes only through `changeStatus`. */
export function update(id: PartnerId, input: PartnerInput): Promise<Partner> {
	return call<Partner>('update_partner', { id, input });
}

/** Moves a partner to one of its `nextStatuses`. */
export function changeStatus(id: PartnerId, status: PartnerStatus): Promise<Partner> {
	return call<Partner>('change_partner_status', { id, status });
}

/**
 * The largest file an import takes: checked here before the file is read into memory, and
 * again by the core (`imports::MAX_BYTES`), whose refusal says the same.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The refusal for a file over `MAX_IMPORT_BYTES`, worded as the core words it. */
export const TOO_LARGE_MESSAGE = `This file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Split it into smaller files and import them one by one.`;

/** Encoding detected and columns matched by name: the first read of a file. */
export const autoImport: ImportOptions = { encoding: null, columns: null };

/** The header the shell reads the options from (`upload::IMPORT_OPTIONS_HEADER`). */
export const IMPORT_OPTIONS_HEADER = 'partnerdesk-import-options';

/**
 * The request's headers: the options as JSON. The file itself goes as the raw body, so the
 * core gets the bytes as saved (the page never decodes them, which would turn a Windows-1252
 * `Café` into `Caf�`) and a 2 MB file crosses as 2 MB.
 */
export function importHeaders(options: ImportOptions): Record<string, string> {
	return { [IMPORT_OPTIONS_HEADER]: JSON.stringify(options) };
}

/** What importing the file `bytes` would do, read as `options` say; nothing is saved. */
export function previewImport(
	bytes: Uint8Array,
	options: ImportOptions = autoImport
): Promise<ImportPreview> {
	return call<ImportPreview>('preview_partner_import', bytes, {
		headers: importHeaders(options)
	});
}

/** Imports every partner in `bytes`, all or none; refused when any row has a problem. */
export function importCsv(
	bytes: Uint8Array,
	options: ImportOptions = autoImport
): Promise<ImportOutcome> {
	return call<ImportOutcome>('import_partners', bytes, { headers: importHeaders(options) });
}

/**
 * Renders a partner's kit (cover letter, agreement in force, a sheet of cards, a guide for
 * their staff and our counter guide) as one PDF on `paper` (null: the locale's usual size),
 * asks where to save it and opens it. Resolves with the saved path, or null when cancelled.
 */
export function printKit(partnerId: PartnerId, paper: Paper | null = null): Promise<string | null> {
	return call<string | null>('print_partner_kit', { partnerId, paper });
}
