import { afterEach, describe, expect, it } from 'vitest';
import * as agreements from './agreements';
import { fakeShell, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const terms: agreements.TermsInput = {
	model: 'referral',
	effectiveFrom: '2026-12-01',
	effectiveTo: '',
	offerKind: 'percentOff',
	offerPercent: '10',
	offerAmount: '',
	offerItem: '',
	minSale: '5,00',
	rewardKind: 'percentOfSale',
	rewardPercent: '8',
	rewardAmount: '',
	rewardOnGross: false,
	monthlyCap: '150',
	payoutCadence: 'monthly',
	payoutMethod: 'bankTransfer',
	payoutMethodOther: '',
	clauses: ['Cards are displayed at the till.'],
	notes: ''
};

const draft: agreements.AgreementVersion = {
	id: 12,
	partnerId: 3,
	version: 3,
	status: 'draft',
	terms,
	summary:
		'Customers you refer get 10 % off purchases of €5.00 or more. You earn 8 % of each such sale, up to €150.00 a month, paid monthly by bank transfer.',
	effective: '1 December 2026 – open-ended',
	signature: null,
	createdAt: '2026-11-24T10:00:00Z',
	updatedAt: '2026-11-24T10:00:00Z'
};

describe('agreements', () => {
	it('versions and inForce send the partner id as partnerId', async () => {
		const sent = fakeShell((cmd) => (cmd === 'agreement_in_force' ? null : [draft]));
		await expect(agreements.versions(3)).resolves.toEqual([draft]);
		await expect(agreements.inForce(3)).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'list_agreement_versions', args: { partnerId: 3 } },
			{ cmd: 'agreement_in_force', args: { partnerId: 3 } }
		]);
	});

	it('preview sends the terms exactly as typed and rejects with the refused field', async () => {
		const sent = fakeShell(() => {
			throw {
				code: 'invalid_input',
				message: 'Percent off is at most 100.',
				field: 'offerPercent'
			};
		});
		const typed = { ...terms, offerPercent: '120' };
		await expect(agreements.preview(typed)).rejects.toEqual({
			code: 'invalid_input',
			message: 'Percent off is at most 100.',
			field: 'offerPercent'
		});
		expect(sent).toEqual([{ cmd: 'preview_terms', args: { terms: typed } }]);
	});

	it('startDraft sends partnerId and rejects an existing draft with draft_exists', async () => {
		const sent = fakeShell(() => {
			throw { code: 'draft_exists', message: 'Version 3 is already a draft.', field: null };
		});
		await expect(agreements.startDraft(3)).rejects.toMatchObject({ code: 'draft_exists' });
		expect(sent).toEqual([{ cmd: 'create_agreement_draft', args: { partnerId: 3 } }]);
	});

	it('newVersion sends the signed version as `from`', async () => {
		const sent = fakeShell(() => draft);
		await expect(agreements.newVersion(11)).resolves.toEqual(draft);
		expect(sent).toEqual([{ cmd: 'new_agreement_version', args: { from: 11 } }]);
	});

	it('updateDraft sends id and terms and rejects a frozen version', async () => {
		const sent = fakeShell(() => {
			throw { code: 'agreement_frozen', message: 'Version 2 is signed.', field: null };
		});
		await expect(agreements.updateDraft(12, terms)).rejects.toMatchObject({
			code: 'agreement_frozen',
			field: null
		});
		expect(sent).toEqual([{ cmd: 'update_agreement_draft', args: { id: 12, terms } }]);
	});

	it('deleteDraft sends the id and resolves with nothing', async () => {
		const sent = fakeShell(() => null);
		await expect(agreements.deleteDraft(12)).resolves.toBeUndefined();
		expect(sent).toEqual([{ cmd: 'delete_agreement_draft', args: { id: 12 } }]);
	});

	it('sign sends the signature and rejects an overlap on effectiveFrom', async () => {
		const signature = { signedOn: '2026-11-24', ourSignatory: 'Maya', partnerSignatory: 'Anna' };
		const sent = fakeShell(() => {
			throw {
				code: 'period_overlap',
				message: 'Version 3 must start after version 2.',
				field: 'effectiveFrom'
			};
		});
		await expect(agreements.sign(12, signature)).rejects.toEqual({
			code: 'period_overlap',
			message: 'Version 3 must start after version 2.',
			field: 'effectiveFrom'
		});
		expect(sent).toEqual([{ cmd: 'sign_agreement', args: { id: 12, signature } }]);
	});

	it('print sends the paper, null when left to the locale, and passes a cancel through', async () => {
		const answers = ['/tmp/Agreement Crumb & Co. Bakery v3.pdf', null];
		const sent = fakeShell(() => answers.shift());
		await expect(agreements.print(12, 'a4')).resolves.toBe(
			'/tmp/Agreement Crumb & Co. Bakery v3.pdf'
		);
		await expect(agreements.print(12)).resolves.toBeNull();
		expect(sent).toEqual([
			{ cmd: 'print_agreement', args: { id: 12, paper: 'a4' } },
			{ cmd: 'print_agreement', args: { id: 12, paper: null } }
		]);
	});

	it('print rejects a file that could not be written with file_not_saved', async () => {
		fakeShell(() => {
			throw { code: 'file_not_saved', message: 'Could not save /x.pdf: denied', field: null };
		});
		await expect(agreements.print(12, 'letter')).rejects.toMatchObject({ code: 'file_not_saved' });
	});
});
