// Money (owners only): what the partner program brings in and costs, each partner's balance
// and history, payouts, program costs, goals, statements, CSV exports and partner imports.
// Amounts cross as strings the core has already written; the UI never does sums on them.

import { call } from './ipc';
import type { CostCategory } from './bindings/CostCategory';
import type { CostInput } from './bindings/CostInput';
import type { CostView } from './bindings/CostView';
import type { CsvKind } from './bindings/CsvKind';
import type { Dashboard } from './bindings/Dashboard';
import type { FiguresView } from './bindings/FiguresView';
import type { GoalInput } from './bindings/GoalInput';
import type { GoalKind } from './bindings/GoalKind';
import type { GoalProgress } from './bindings/GoalProgress';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ImportRow } from './bindings/ImportRow';
import type { Paper } from './bindings/Paper';
import type { PartnerId } from './bindings/PartnerId';
import type { PartnerMoney } from './bindings/PartnerMoney';
import type { WhatIf } from './bindings/WhatIf';
import type { AgreementVersionId } from './bindings/AgreementVersionId';
import type { PartnerRow } from './bindings/PartnerRow';
import type { PayoutId } from './bindings/PayoutId';
import type { PayoutInput } from './bindings/PayoutInput';
import type { PayoutMethod } from './bindings/PayoutMethod';
import type { PayoutView } from './bindings/PayoutView';
import type { PeriodTotalsView } from './bindings/PeriodTotalsView';
import type { WeekPoint } from './bindings/WeekPoint';

export type {
	CostCategory,
	CostInput,
	CostView,
	CsvKind,
	Dashboard,
	FiguresView,
	GoalInput,
	GoalKind,
	GoalProgress,
	ImportOutcome,
	ImportPreview,
	ImportRow,
	PartnerMoney,
	PartnerRow,
	PayoutId,
	PayoutInput,
	PayoutMethod,
	PayoutView,
	PeriodTotalsView,
	WeekPoint
};

/** The dashboard for days `from..=to` (both `YYYY-MM-DD`). */
export function dashboard(from: string, to: string): Promise<Dashboard> {
	return call<Dashboard>('dashboard', { from, to });
}

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
export function recordPayout(partnerId: PartnerId, input: PayoutInput): Promise<PayoutView> {
	return call<PayoutView>('record_payout', { partnerId, input });
}

/** Reverses a payout; it stays listed, marked. Rejects on `reason` when none is given. */
export function reversePayout(id: PayoutId, reason: string): Promise<PayoutView> {
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

/** Saves a CSV file of everything of `kind`; resolves with the path, or null when cancelled. */
export function exportCsv(kind: CsvKind): Promise<string | null> {
	return call<string | null>('export_csv', { kind });
}

/** Records a program cost (printing, an event, …). */
export function addCost(input: CostInput): Promise<CostView> {
	return call<CostView>('add_cost', { input });
}

/** Program costs spent on days `from..=to`, newest first. */
export function listCosts(from: string, to: string): Promise<CostView[]> {
	return call<CostView[]>('list_costs', { from, to });
}

/** Sets the shop's whole revenue for `month` (`YYYY-MM`), written as the locale writes it. */
export function setMonthRevenue(month: string, amount: string): Promise<null> {
	return call<null>('set_month_revenue', { month, amount });
}

/** Sets a goal; resolves with its id. */
export function addGoal(input: GoalInput): Promise<number> {
	return call<number>('add_goal', { input });
}

/** What importing `csv` would do, row by row; nothing is saved. */
export function previewPartnerImport(csv: string): Promise<ImportPreview> {
	return call<ImportPreview>('preview_partner_import', { csv });
}

/** Imports every partner in `csv`, all or none; refused when any row has a problem. */
export function importPartners(csv: string): Promise<ImportOutcome> {
	return call<ImportOutcome>('import_partners', { csv });
}

/**
 * The partner's last `months` months recomputed under agreement version `version` (a
 * draft, say): commission and discount then versus as logged. Changes nothing.
 */
export function whatIf(
	partnerId: PartnerId,
	version: AgreementVersionId,
	months: number
): Promise<WhatIf> {
	return call<WhatIf>('what_if', { partnerId, version, months });
}
