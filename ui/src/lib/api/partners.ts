// Partners: the businesses we send customers to and receive them from, typed in or imported
// from a CSV file.

import { call } from './ipc';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ImportRow } from './bindings/ImportRow';
import type { Partner } from './bindings/Partner';
import type { PartnerFit } from './bindings/PartnerFit';
import type { PartnerId } from './bindings/PartnerId';
import type { PartnerInput } from './bindings/PartnerInput';
import type { PartnerQuery } from './bindings/PartnerQuery';
import type { PartnerSort } from './bindings/PartnerSort';
import type { PartnerStatus } from './bindings/PartnerStatus';

export type {
	ImportOutcome,
	ImportPreview,
	ImportRow,
	Partner,
	PartnerFit,
	PartnerId,
	PartnerInput,
	PartnerQuery,
	PartnerSort,
	PartnerStatus
};

/** The partners matching `query`, in the order it asks for. */
export function list(query: PartnerQuery = {}): Promise<Partner[]> {
	return call<Partner[]>('list_partners', { query });
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

/** What importing `csv` would do, row by row; nothing is saved. */
export function previewImport(csv: string): Promise<ImportPreview> {
	return call<ImportPreview>('preview_partner_import', { csv });
}

/** Imports every partner in `csv`, all or none; refused when any row has a problem. */
export function importCsv(csv: string): Promise<ImportOutcome> {
	return call<ImportOutcome>('import_partners', { csv });
}
