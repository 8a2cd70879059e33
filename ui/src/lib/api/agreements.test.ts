import { afterEach, describe, expect, it } from 'vitest';
import * as agreements from './agreements';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

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
	notes: '',
	reciprocal: false,
	dailyLimit: '',
	newCustomersOnly: false
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
	it('models asks the core for every model with its usual range, with no arguments', async () => {
		const guides: agreements.ModelGuide[] = [
			{ model: 'referral', label: 'Referral', usualRange: 'Usually 10–20 % of each sale' },
			{
				model: 'channel',
				label: 'Channel',
				usualRange: 'Usually 30 % or more: strategic partners who resell or bundle'
			}
		];
		const sent = fakeShell(() => guides);
		await expect(agreements.models()).resolves.toEqual(guides);
		expect(sent).toEqual([{ cmd: 'partnership_models', args: {} }]);
	});

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
		// Like the core: a percentage over 100 is refused on its field, whatever else is typed.
		const sent = fakeShell((_cmd, args) => {
			const { terms: typed } = args as { terms: agreements.TermsInput };
			if (Number(typed.offerPercent) > 100) {
				throw {
					code: 'invalid_input',
					message: 'Percent off is at most 100.',
					field: 'offerPercent'
				};
			}
			return { summary: draft.summary, effective: draft.effective };
		});
		const typed = { ...terms, offerPercent: '120' };
		await expect(refusalOf(agreements.preview(typed))).resolves.toEqual({
			code: 'invalid_input',
			message: 'Percent off is at most 100.',
			field: 'offerPercent'
		});
		await expect(agreements.preview(terms)).resolves.toMatchObject({ summary: draft.summary });
		expect(sent).toEqual([
			{ cmd: 'preview_terms', args: { terms: typed } },
			{ cmd: 'preview_terms', args: { terms } }
		]);
	});

	it('startDraft sends partnerId and rejects a second draft with draft_exists', async () => {
		// Like the core: one draft per partner.
		const drafts = new Set<number>();
		const sent = fakeShell((_cmd, args) => {
			const { partnerId } = args as { partnerId: number };
			if (drafts.has(partnerId)) {
				throw { code: 'draft_exists', message: 'Version 3 is already a draft.', field: null };
			}
			drafts.add(partnerId);
			return { ...draft, partnerId };
		});
		await expect(agreements.startDraft(3)).resolves.toMatchObject({ partnerId: 3 });
		await expect(refusalOf(agreements.startDraft(3))).resolves.toMatchObject({
			code: 'draft_exists',
			field: null
		});
		await expect(agreements.startDraft(4)).resolves.toMatchObject({ partnerId: 4 });
		expect(sent.map((s) => s.args)).toEqual([{ partnerId: 3 }, { partnerId: 3 }, { partnerId: 4 }]);
	});

	it('newVersion sends the signed version as `from`', async () => {
		const sent = fakeShell(() => draft);
		await expect(agreements.newVersion(11)).resolves.toEqual(draft);
		expect(sent).toEqual([{ cmd: 'new_agreement_version', args: { from: 11 } }]);
	});

	it('updateDraft sends id and terms and rejects a signed version as frozen', async () => {
		// Like the core: version 11 is signed, version 12 is the draft.
		const sent = fakeShell((_cmd, args) => {
			const { id, terms: typed } = args as { id: number; terms: agreements.TermsInput };
			if (id === 11)
				throw { code: 'agreement_frozen', message: 'Version 2 is signed.', field: null };
			return { ...draft, id, terms: typed };
		});
		await expect(refusalOf(agreements.updateDraft(11, terms))).resolves.toMatchObject({
			code: 'agreement_frozen',
			field: null
		});
		await expect(agreements.updateDraft(12, terms)).resolves.toMatchObject({ id: 12, terms });
		expect(sent).toEqual([
			{ cmd: 'update_agreement_draft', args: { id: 11, terms } },
			{ cmd: 'update_agreement_draft', args: { id: 12, terms } }
		]);
	});

	it('deleteDraft sends the id and resolves with nothing', async () => {
		const sent = fakeShell(() => null);
		await expect(agreements.deleteDraft(12)).resolves.toBeUndefined();
		expect(sent).toEqual([{ cmd: 'delete_agreement_draft', args: { id: 12 } }]);
	});

	it('sign sends the signature and rejects an overlap on effectiveFrom', async () => {
		// Like the core: version 12 starts before version 2 (signed, in force) ends; 13 does not.
		const sent = fakeShell((_cmd, args) => {
			const { id } = args as { id: number };
			if (id === 12) {
				throw {
					code: 'period_overlap',
					message: 'Version 3 must start after version 2.',
					field: 'effectiveFrom'
				};
			}
			return { ...draft, id, status: 'signed' };
		});
		const signature = { signedOn: '2026-11-24', ourSignatory: 'Maya', partnerSignatory: 'Anna' };
		await expect(refusalOf(agreements.sign(12, signature))).resolves.toEqual({
			code: 'period_overlap',
			message: 'Version 3 must start after version 2.',
			field: 'effectiveFrom'
		});
		await expect(agreements.sign(13, signature)).resolves.toMatchObject({ status: 'signed' });
		expect(sent).toEqual([
			{ cmd: 'sign_agreement', args: { id: 12, signature } },
			{ cmd: 'sign_agreement', args: { id: 13, signature } }
		]);
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
		// Like the shell: the letter-size file goes to a folder that refuses it; A4 is saved.
		const sent = fakeShell((_cmd, args) => {
			const { paper } = args as { paper: agreements.Paper | null };
			if (paper === 'letter') {
				throw { code: 'file_not_saved', message: 'Could not save /x.pdf: denied', field: null };
			}
			return '/home/me/agreement.pdf';
		});
		await expect(refusalOf(agreements.print(12, 'letter'))).resolves.toEqual({
			code: 'file_not_saved',
			message: 'Could not save /x.pdf: denied',
			field: null
		});
		await expect(agreements.print(12, 'a4')).resolves.toBe('/home/me/agreement.pdf');
		expect(sent.map((s) => s.args)).toEqual([
			{ id: 12, paper: 'letter' },
			{ id: 12, paper: 'a4' }
		]);
	});
});

describe('what-if', () => {
	it('whatIf sends the partner, the version and the months, and changes nothing', async () => {
		const sent = fakeShell(() => ({}));
		await agreements.whatIf(3, 12, 6);
		expect(sent).toEqual([{ cmd: 'what_if', args: { partnerId: 3, version: 12, months: 6 } }]);
	});
});
