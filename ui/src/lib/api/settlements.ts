// Month-end (owners only): both sides of every partner's account for a period and the net,
// settling it with one payment in the net direction, and reversing a settlement. Amounts and
// directions cross as the core wrote them; the UI never works out which way a net points.

import { call } from './ipc';
import type { MonthEnd } from './bindings/MonthEnd';
import type { MonthEndRow } from './bindings/MonthEndRow';
import type { NetDirection } from './bindings/NetDirection';
import type { NetView } from './bindings/NetView';
import type { PartnerId } from './bindings/PartnerId';
import type { SettlementId } from './bindings/SettlementId';
import type { SettlementInput } from './bindings/SettlementInput';
import type { SettlementView } from './bindings/SettlementView';

export type {
	MonthEnd,
	MonthEndRow,
	NetDirection,
	NetView,
	SettlementId,
	SettlementInput,
	SettlementView
};

/** Every partner with something owed either way, or activity, in days `from..=to`. */
export function monthEnd(from: string, to: string): Promise<MonthEnd> {
	return call<MonthEnd>('month_end', { from, to });
}

/**
 * Settles with a partner for `input`'s period: one payment in the net direction that clears
 * both sides. Rejects with `nothing_to_settle` when neither side owes anything.
 */
export function settle(partnerId: PartnerId, input: SettlementInput): Promise<SettlementView> {
	return call<SettlementView>('settle', { partnerId, input });
}

/** Reverses a settlement; it stays on record, marked. Rejects on `reason` when none is given. */
export function reverse(id: SettlementId, reason: string): Promise<SettlementView> {
	return call<SettlementView>('reverse_settlement', { id, reason });
}

/** A partner's settlements, newest first. */
export function list(partnerId: PartnerId): Promise<SettlementView[]> {
	return call<SettlementView[]>('list_settlements', { partnerId });
}
