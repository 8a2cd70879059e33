// Payouts (owners only): each partner's balance and history over a period, paying them,
// reversing a payment, and the statement. Amounts cross as strings the core has already
// written; the UI never does sums on them.

import { call } from './ipc';
import type { Paper } from './bindings/Paper';
import type { PartnerId } from './bindings/PartnerId';
import type { PartnerMoney } from './bindings/PartnerMoney';
import type { PayoutId } from './bindings/PayoutId';
import type { PayoutInput } from './bindings/PayoutInput';
import type { PayoutMethod } from './bindings/PayoutMethod';
import type { PayoutView } from './bindings/PayoutView';
import type { PeriodTotalsView } from './bindings/PeriodTotalsView';

export type { PartnerMoney, PayoutId, PayoutInput, PayoutMethod, PayoutView, PeriodTotalsView };

/** One partner's totals, redemptions and payouts for days `from..=to`. */
export function partnerMoney(
	partnerId: PartnerId,
	from: string,
	to: string
): Promise<PartnerMoney> {
	return call<PartnerMoney>('partner_money', { partnerId, from, to });
}

/**
 * Records a payment to a partner. Paying more than the partner is owed rejects with
 * `over_balance` on `amount` unless `input.confirmOverBalance` is set.
 */
export function record(partnerId: PartnerId, input: PayoutInput): Promise<PayoutView> {
	return call<PayoutView>('record_payout', { partnerId, input });
}

/** Reverses a payout; it stays listed, marked. Rejects on `reason` when none is given. */
export function reverse(id: PayoutId, reason: string): Promise<PayoutView> {
	return call<PayoutView>('reverse_payout', { id, reason });
}

/**
 * Renders a partner's statement for the period on `paper` (null: the locale's usual size),
 * asks where to save it and opens it. Resolves with the saved path, or null when cancelled.
 */
export function printStatement(
	partnerId: PartnerId,
	from: string,
	to: string,
	paper: Paper | null = null
): Promise<string | null> {
	return call<string | null>('print_statement', { partnerId, from, to, paper });
}
