// What partners owe us (owners only): a period of a partner's statement entered by hand from
// their paper statement, reversing an entry, and a partner's entries. Entries from a signed
// statement file come in through `statements.importFile`.

import { call } from './ipc';
import type { PartnerId } from './bindings/PartnerId';
import type { ReceivableId } from './bindings/ReceivableId';
import type { ReceivableInput } from './bindings/ReceivableInput';
import type { ReceivableSource } from './bindings/ReceivableSource';
import type { ReceivableView } from './bindings/ReceivableView';

export type { ReceivableId, ReceivableInput, ReceivableSource, ReceivableView };

/**
 * Enters what a partner owes us for a period, typed from their paper statement. Rejects with
 * `already_entered` when that period of theirs is already entered.
 */
export function record(partnerId: PartnerId, input: ReceivableInput): Promise<ReceivableView> {
	return call<ReceivableView>('record_receivable', { partnerId, input });
}

/** Reverses an entry; it stays listed, marked. Rejects on `reason` when none is given. */
export function reverse(id: ReceivableId, reason: string): Promise<ReceivableView> {
	return call<ReceivableView>('reverse_receivable', { id, reason });
}

/** Every entry of what a partner owes us, by period. */
export function list(partnerId: PartnerId): Promise<ReceivableView[]> {
	return call<ReceivableView[]>('list_receivables', { partnerId });
}
