// Referral codes: each belongs to one partner, is issued alone or in batches, can be switched
// off, and is looked up at the counter from whatever the customer's card says.

import { Channel } from '@tauri-apps/api/core';
import { call } from './ipc';
import type { BatchProgress } from './bindings/BatchProgress';
import type { CodeId } from './bindings/CodeId';
import type { CodeOptions } from './bindings/CodeOptions';
import type { CodePage } from './bindings/CodePage';
import type { CodeQuery } from './bindings/CodeQuery';
import type { CodeSelection } from './bindings/CodeSelection';
import type { LookupOutcome } from './bindings/LookupOutcome';
import type { Paper } from './bindings/Paper';
import type { PartnerId } from './bindings/PartnerId';
import type { ReferralCode } from './bindings/ReferralCode';

export type {
	BatchProgress,
	CodeId,
	CodeOptions,
	CodePage,
	CodeQuery,
	CodeSelection,
	LookupOutcome,
	ReferralCode
};

/** The largest batch the core issues at once. */
export const batchMax = 10_000;

/** Rows a page of codes holds. */
export const pageSize = 200;

/**
 * A page of a partner's codes the filters keep, newest first: the first when `after` is
 * null, else the one after the code a page answered as its `next`. Filtering and counting
 * happen in the core, so a partner with 100,000 codes never sends them all.
 */
export function page(
	partnerId: PartnerId,
	query: CodeQuery,
	after: CodeId | null = null,
	limit = pageSize
): Promise<CodePage> {
	return call<CodePage>('list_codes', { partnerId, query, after, limit });
}

/** A partner's batch labels, newest batch first. */
export function batches(partnerId: PartnerId): Promise<string[]> {
	return call<string[]>('list_code_batches', { partnerId });
}

/**
 * Issues one code: the readable `custom` body typed by the owner (the check symbol is added),
 * or a random one when `custom` is blank. Rejects with `code_taken` when it already exists.
 */
export function issue(
	partnerId: PartnerId,
	custom: string | null,
	options: CodeOptions
): Promise<ReferralCode> {
	const typed = custom?.trim() ? custom : null;
	return call<ReferralCode>('issue_code', { partnerId, custom: typed, options });
}

/**
 * Issues `count` random codes in one go, all or none, calling `onProgress` as they are made.
 * Resolves with the codes issued.
 */
export function issueBatch(
	partnerId: PartnerId,
	count: number,
	options: CodeOptions,
	onProgress: (progress: BatchProgress) => void = () => {}
): Promise<ReferralCode[]> {
	const channel = new Channel<BatchProgress>();
	channel.onmessage = onProgress;
	return call<ReferralCode[]>('issue_code_batch', {
		partnerId,
		count,
		options,
		onProgress: channel
	});
}

/** Switches the selected codes on or off; resolves with how many. */
export function setEnabled(selection: CodeSelection, enabled: boolean): Promise<number> {
	return call<number>('set_codes_enabled', { selection, enabled });
}

/** What the counter would say about `typed`: valid, mistyped (with a suggestion), expired… */
export function lookup(typed: string): Promise<LookupOutcome> {
	return call<LookupOutcome>('lookup_code', { typed });
}

/**
 * Renders the selected codes, oldest first, as a sheet of referral cards on `paper` (null:
 * the shop locale's usual size), asks where to save it and opens it. Resolves with the saved
 * path, or null when the save was cancelled.
 */
export function printCards(
	selection: CodeSelection,
	paper: Paper | null = null
): Promise<string | null> {
	return call<string | null>('print_card_sheet', { selection, paper });
}
