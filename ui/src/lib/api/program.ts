// The program as a whole (owners only): what it brings in and costs, the shop's revenue,
// and the goals it is measured against. Amounts cross as strings the core has written.

import { call } from './ipc';
import type { CostCategory } from './bindings/CostCategory';
import type { CostInput } from './bindings/CostInput';
import type { CostView } from './bindings/CostView';
import type { Dashboard } from './bindings/Dashboard';
import type { FiguresView } from './bindings/FiguresView';
import type { GoalInput } from './bindings/GoalInput';
import type { GoalKind } from './bindings/GoalKind';
import type { GoalProgress } from './bindings/GoalProgress';
import type { PartnerRow } from './bindings/PartnerRow';
import type { WeekPoint } from './bindings/WeekPoint';
import type { GoalId } from './bindings/GoalId';

export type {
	CostCategory,
	CostInput,
	CostView,
	Dashboard,
	FiguresView,
	GoalInput,
	GoalKind,
	GoalProgress,
	PartnerRow,
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

/** Sets the shop's whole revenue for `month` (`YYYY-MM`), written as the locale writes it. */
export function setMonthRevenue(month: string, amount: string): Promise<null> {
	return call<null>('set_month_revenue', { month, amount });
}

/** Sets a goal; resolves with its id. */
export function addGoal(input: GoalInput): Promise<GoalId> {
	return call<GoalId>('add_goal', { input });
}
