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
	directions: ''
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
});
