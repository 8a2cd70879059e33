import { afterEach, describe, expect, it } from 'vitest';
import * as campaigns from './campaigns';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const input: campaigns.CampaignInput = {
	name: 'Winter market',
	startsOn: '2026-12-05',
	endsOn: '2026-12-06',
	budget: '500',
	notes: 'Stall 14',
	partnerIds: [3, 7]
};

describe('campaigns', () => {
	it('list, get and results send what they ask about', async () => {
		const sent = fakeShell(() => null);
		await campaigns.list();
		await campaigns.get(4);
		await campaigns.results(4);
		expect(sent).toEqual([
			{ cmd: 'list_campaigns', args: {} },
			{ cmd: 'get_campaign', args: { id: 4 } },
			{ cmd: 'campaign_results', args: { id: 4 } }
		]);
	});

	it('create and update send the form as typed', async () => {
		const sent = fakeShell(() => null);
		await campaigns.create(input);
		await campaigns.update(4, input);
		expect(sent).toEqual([
			{ cmd: 'create_campaign', args: { input } },
			{ cmd: 'update_campaign', args: { id: 4, input } }
		]);
	});

	it('a partner left out with codes in the campaign is refused beside the partners', async () => {
		fakeShell(() => {
			throw {
				code: 'invalid_input',
				message: 'Café Müller has codes or costs in this campaign, so they stay in it.',
				field: 'partners'
			};
		});
		const refusal = await refusalOf(campaigns.update(4, input));
		expect([refusal.code, refusal.field]).toEqual(['invalid_input', 'partners']);
	});
});
