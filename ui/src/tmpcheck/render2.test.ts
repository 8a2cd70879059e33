import { it } from 'vitest';
import { render } from 'svelte/server';
import HeadlineCards from '../routes/money/HeadlineCards.svelte';
import Page from '../routes/month-end/+page.svelte';
import StatementSummary from '../routes/month-end/StatementSummary.svelte';
import PrintStatement from '../routes/money/PrintStatement.svelte';

it('renders', () => {
	const total = { redemptions: 1, newCustomers: 0, sales: '€12.50', discounts: '€1.25', commissions: '€1.13', costs: '€0.00', income: '€0.62', received: '€0.10', revenue: '€11.25', programCost: '€2.38', cac: null, roi: '425 %' };
	const out = [
		render(HeadlineCards, { props: { dashboard: { from: '', to: '', total, shopRevenue: null, share: null, shareHint: null, partners: [], weeks: [], goals: [] } } }).body,
		render(Page, {}).body,
		render(StatementSummary, { props: { preview: { path: '/x', issuerName: 'Crumb', issuerAddress: '', recipientName: 'Us', addressedToUs: true, periodFrom: '2026-11-01', periodTo: '2026-11-30', currency: 'EUR', issuedAt: '2026-12-01T09:00:00Z', totals: { redemptions: 3, voided: 1, newCustomers: 2, sales: '€1', discounts: '€2', commissions: '€1.86' }, lines: [], fingerprint: 'AAAA', key: 'new', pinnedFingerprint: null, partnerId: 3 }, locale: 'en-IE' } }).body,
		render(PrintStatement, { props: { partnerId: 3, period: { from: '2026-12-01', to: '2026-12-31' } } }).body
	];
	console.log(out.join('\n\n=====\n\n').replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"/g, ''));
});
