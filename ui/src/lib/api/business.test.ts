import { afterEach, describe, expect, it } from 'vitest';
import * as business from './business';
import { fakeShell, refusalOf, removeFakeShell } from './testing';

afterEach(removeFakeShell);

const input: business.BusinessProfileInput = {
	name: 'Café Łódź',
	address: 'Main Street 1\nDublin',
	email: 'hello@cafe.ie',
	phone: '+353 1 234 5678',
	taxId: 'IE1234567T',
	currency: 'EUR',
	locale: 'en-IE',
	timeZone: 'Europe/Dublin',
	openingHours: 'Mon–Sat 8–18',
	directions: '',
	cardLink: ''
};

describe('business.saveProfile', () => {
	it('sends the input under `input` and resolves with the saved profile', async () => {
		const saved = { ...input, updatedAt: '2025-01-01T10:00:00Z' };
		const sent = fakeShell(() => saved);
		await expect(business.saveProfile(input)).resolves.toEqual(saved);
		expect(sent).toEqual([{ cmd: 'save_business_profile', args: { input } }]);
	});

	it('rejects with the refused field', async () => {
		// Like the core: a currency it does not know is refused on the currency field.
		const sent = fakeShell((_cmd, args) => {
			const { input: typed } = args as { input: business.BusinessProfileInput };
			if (!['EUR', 'PLN'].includes(typed.currency)) {
				throw {
					code: 'invalid_input',
					message: `Unknown currency "${typed.currency}".`,
					field: 'currency'
				};
			}
			return { ...typed, updatedAt: '2025-01-01T10:00:00Z' };
		});
		await expect(refusalOf(business.saveProfile({ ...input, currency: 'EUX' }))).resolves.toEqual({
			code: 'invalid_input',
			message: 'Unknown currency "EUX".',
			field: 'currency'
		});
		await expect(business.saveProfile({ ...input, currency: 'PLN' })).resolves.toMatchObject({
			currency: 'PLN'
		});
		expect(sent.map((s) => s.args)).toEqual([
			{ input: { ...input, currency: 'EUX' } },
			{ input: { ...input, currency: 'PLN' } }
		]);
	});

	it('chooseLogo resolves with the stored logo, or null when cancelled; a refusal names the logo field', async () => {
		const logo = { width: 800, height: 267, dataUrl: 'data:image/png;base64,AAAA' };
		let answer: unknown = logo;
		const refusal = {
			code: 'invalid_input',
			message: 'The logo must be a PNG, JPEG or SVG picture.',
			field: 'logo'
		};
		const sent = fakeShell(() => {
			if (answer === refusal) throw refusal;
			return answer;
		});
		await expect(business.chooseLogo()).resolves.toEqual(logo);
		answer = null;
		await expect(business.chooseLogo()).resolves.toBeNull();
		answer = refusal;
		await expect(refusalOf(business.chooseLogo())).resolves.toMatchObject({ field: 'logo' });
		answer = null;
		await business.removeLogo();
		await business.logo();
		expect(sent.map((s) => s.cmd)).toEqual([
			'choose_logo',
			'choose_logo',
			'choose_logo',
			'remove_logo',
			'business_logo'
		]);
	});
});
