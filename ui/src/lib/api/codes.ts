// Referral codes: each belongs to one partner, is issued alone or in batches, can be switched
// off, and is looked up at the counter from whatever the customer's card says.

import { Channel } from '@tauri-apps/api/core';
import { call } from './ipc';
import type { BatchProgress } from './bindings/BatchProgress';
import type { CodeId } from './bindings/CodeId';
import type { CodeOptions } from './bindings/CodeOptions';
import type { LookupOutcome } from './bindings/LookupOutcome';
import type { Paper } from './bindings/Paper';
import type { PartnerId } from './bindings/PartnerId';
import type { ReferralCode } from './bindings/ReferralCode';

export type { BatchProgress, CodeId, CodeOptions, LookupOutcome, ReferralCode };

/** The largest batch the core issues at once. */
export const batchMax = 10_000;

/** A partner's codes, newest first. */
export function list(partnerId: PartnerId): Promise<ReferralCode[]> {
	return call<ReferralCode[]>('list_codes', { partnerId });
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

/** Switches codes on or off; resolves with them as they now are. */
export function setEnabled(ids: CodeId[], enabled: boolean): Promise<ReferralCode[]> {
	return call<ReferralCode[]>('set_codes_enabled', { ids, enabled });
}

/** What the counter would say about `typed`: valid, mistyped (with a suggestion), expired… */
export function lookup(typed: string): Promise<LookupOutcome> {
	return call<LookupOutcome>('lookup_code', { typed });
}

/**
 * Renders the codes, in the order given, as a sheet of referral cards on `paper` (null: the
 * shop locale's usual size), asks where to save it and opens it. Resolves with the saved
 * path, or null when the save was cancelled.
 */
export function printCards(ids: CodeId[], paper: Paper | null = null): Promise<string | null> {
	return call<string | null>('print_card_sheet', { ids, paper });
}
