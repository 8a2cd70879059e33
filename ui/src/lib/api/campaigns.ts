// Campaigns (owners only): joint events with partners, their dates, budget and results.
// Codes are issued for a campaign through `codes.issue` / `codes.issueBatch` with
// `campaignId` in their options, and costs booked to one through `program.addCost`.

import { call } from './ipc';
import type { BudgetState } from './bindings/BudgetState';
import type { BudgetView } from './bindings/BudgetView';
import type { CampaignId } from './bindings/CampaignId';
import type { CampaignInput } from './bindings/CampaignInput';
import type { CampaignPartner } from './bindings/CampaignPartner';
import type { CampaignPartnerResult } from './bindings/CampaignPartnerResult';
import type { CampaignResults } from './bindings/CampaignResults';
import type { CampaignStatus } from './bindings/CampaignStatus';
import type { CampaignView } from './bindings/CampaignView';

export type {
	BudgetState,
	BudgetView,
	CampaignId,
	CampaignInput,
	CampaignPartner,
	CampaignPartnerResult,
	CampaignResults,
	CampaignStatus,
	CampaignView
};

/** Every campaign, the latest to start first, with where each stands today. */
export function list(): Promise<CampaignView[]> {
	return call<CampaignView[]>('list_campaigns');
}

/** One campaign. Rejects with `not_found` when there is none with that number. */
export function get(id: CampaignId): Promise<CampaignView> {
	return call<CampaignView>('get_campaign', { id });
}

/** A campaign's results: headline figures, its budget, and each partner's figures in it. */
export function results(id: CampaignId): Promise<CampaignResults> {
	return call<CampaignResults>('campaign_results', { id });
}

/**
 * Creates a campaign. Rejects with `invalid_input` on the field to fix (`name`, `startsOn`,
 * `endsOn`, `budget`, `notes`, `partners`) or `duplicate_name` on `name`.
 */
export function create(input: CampaignInput): Promise<CampaignView> {
	return call<CampaignView>('create_campaign', { input });
}

/**
 * Replaces a campaign's details and partners. A partner with codes or costs in it stays:
 * leaving them out rejects with `invalid_input` on `partners`.
 */
export function update(id: CampaignId, input: CampaignInput): Promise<CampaignView> {
	return call<CampaignView>('update_campaign', { id, input });
}
