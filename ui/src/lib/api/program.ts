// The program as a whole (owners only): what it brings in and costs, the shop's revenue,
// and the goals it is measured against. Amounts cross as strings the core has written.

import { call } from './ipc';
import type { CostCategory } from './bindings/CostCategory';
import type { CostInput } from './bindings/CostInput';
import type { CostView } from './bindings/CostView';
import type { Dashboard } from './bindings/Dashboard';
import type { FiguresView } from './bindings/FiguresView';
import type { CostId } from './bindings/CostId';
import type { GoalArchive } from './bindings/GoalArchive';
import type { GoalInput } from './bindings/GoalInput';
import type { GoalKind } from './bindings/GoalKind';
import type { GoalProgress } from './bindings/GoalProgress';
import type { GoalView } from './bindings/GoalView';
import type { MonthRevenue } from './bindings/MonthRevenue';
import type { PartnerRow } from './bindings/PartnerRow';
import type { RevenueEntry } from './bindings/RevenueEntry';
import type { RevenueInput } from './bindings/RevenueInput';
import type { WeekPoint } from './bindings/WeekPoint';
import type { GoalId } from './bindings/GoalId';

export type {
	CostCategory,
	CostInput,
	CostView,
	Dashboard,
	FiguresView,
	GoalArchive,
	GoalInput,
	GoalKind,
	GoalProgress,
	GoalView,
	MonthRevenue,
	PartnerRow,
	RevenueEntry,
	RevenueInput,
	WeekPoint
};

/** The dashboard for days `from..=to` (both `YYYY-MM-DD`). */
export function dashboard(from: string, to: string): Promise<Dashboard> {
	return call<Dashboard>('dashboard', { from, to });
}

/** Records a program cost (printing, an event, …). */
export function addCost(input: CostInput): Promise<CostView> {
	return call<CostView>('add_cost', { input });
}

/** Program costs spent on days `from..=to`, newest first. */
export function listCosts(from: string, to: string): Promise<CostView[]> {
	return call<CostView[]>('list_costs', { from, to });
}

/**
 * Reverses a cost, with a reason: it stays listed, marked, and no sum counts it. Rejects with
 * `already_reversed` the second time, `invalid_input` on `reason` when it is blank.
 */
export function reverseCost(id: CostId, reason: string): Promise<CostView> {
	return call<CostView>('reverse_cost', { id, reason });
}

/**
 * Enters the shop's whole revenue for a month (`YYYY-MM`). A different figure for a month
 * that has one needs a `reason` (else `invalid_input` on `reason`); the old one is kept.
 */
export function setMonthRevenue(input: RevenueInput): Promise<MonthRevenue> {
	return call<MonthRevenue>('set_month_revenue', { input });
}

/** Every month with revenue entered, the latest first, with its figure in force and history. */
export function listMonthRevenues(): Promise<MonthRevenue[]> {
	return call<MonthRevenue[]>('list_month_revenues');
}

/** Sets a goal; resolves with its id. */
export function addGoal(input: GoalInput): Promise<GoalId> {
	return call<GoalId>('add_goal', { input });
}

/** Every goal: active ones first, then archived ones, the latest archived first. */
export function listGoals(): Promise<GoalView[]> {
	return call<GoalView[]>('list_goals');
}

/** Edits a goal: the core archives it and sets the new one in its place, resolved with. */
export function updateGoal(id: GoalId, input: GoalInput): Promise<GoalView> {
	return call<GoalView>('update_goal', { id, input });
}

/** Archives a goal (`reason` may be blank); the dashboard stops tracking it. */
export function archiveGoal(id: GoalId, reason: string): Promise<GoalView> {
	return call<GoalView>('archive_goal', { id, reason });
}
