// The counter: logging a redemption at this till, its recent list, voids, and the till's name.
// Looking a code up is `codes.lookup`, which the Codes screen shares.

import { call } from './ipc';
import type { LogOutcome } from './bindings/LogOutcome';
import type { RedemptionId } from './bindings/RedemptionId';
import type { RedemptionInput } from './bindings/RedemptionInput';
import type { RedemptionView } from './bindings/RedemptionView';
import type { SaleLimitsInput } from './bindings/SaleLimitsInput';
import type { SaleLimitsView } from './bindings/SaleLimitsView';
import type { VoidInput } from './bindings/VoidInput';

export type {
	LogOutcome,
	RedemptionId,
	RedemptionInput,
	RedemptionView,
	SaleLimitsInput,
	SaleLimitsView,
	VoidInput
};

/**
 * Logs a sale with a code. Send the same `idempotencyKey` on every retry of one attempt: the
 * core then logs it once and answers a repeat with the first result (`replayed`). Resolves
 * with `refused` (and the lookup outcome) when the code can no longer be used.
 */
export function log(input: RedemptionInput): Promise<LogOutcome> {
	return call<LogOutcome>('log_redemption', { input });
}

/** This till's last redemptions, newest first. */
/** Drops a sale staff discarded from the shell's journal of unanswered sales. */
export function discardUnsaved(key: string): Promise<void> {
	return call<void>('discard_unsaved_sale', { key });
}

export function recent(): Promise<RedemptionView[]> {
	return call<RedemptionView[]>('recent_redemptions');
}

/**
 * Voids a redemption (owners only: `forbidden` otherwise). Rejects with `already_voided`,
 * or with `field: 'reason'` when no reason was given.
 */
export function voidRedemption(id: RedemptionId, input: VoidInput): Promise<RedemptionView> {
	return call<RedemptionView>('void_redemption', { id, input });
}

/** Renames this till (owners only); resolves with the name as stored. */
export function setTillName(name: string): Promise<string> {
	return call<string>('set_till_name', { name });
}

/**
 * Sets the largest sale the counter takes and the amount above which it asks once more
 * (owners only). Rejects with `field: 'saleCeiling'` or `'confirmAbove'` when one is refused.
 */
export function setSaleLimits(input: SaleLimitsInput): Promise<SaleLimitsView> {
	return call<SaleLimitsView>('set_sale_limits', { input });
}
