import { describe, expect, it } from 'vitest';
import { profileInput } from './profile';

const choices = {
	currencies: [
		{ code: 'CHF', label: 'CHF — Swiss franc' },
		{ code: 'EUR', label: 'EUR — Euro' }
	],
	locales: [
		{ code: 'de-CH', label: 'Deutsch (Schweiz)' },
		{ code: 'en-IE', label: 'English (Ireland)' }
	],
	timeZones: ['Europe/Dublin', 'Europe/Zurich'],
	suggestedTimeZone: 'Europe/Dublin'
};

describe('profileInput', () => {
	it('starts a new shop on EUR and en-IE', () => {
		expect(profileInput(null, choices)).toEqual({
			name: '',
			address: '',
			email: '',
			phone: '',
			taxId: '',
			currency: 'EUR',
			locale: 'en-IE',
			timeZone: 'Europe/Dublin',
			openingHours: '',
			directions: '',
			cardLink: ''
		});
	});

	it('falls back to the first choice when the default is not offered', () => {
		const only = { ...choices, currencies: [choices.currencies[0]], locales: [choices.locales[0]] };
		expect(profileInput(null, only)).toMatchObject({ currency: 'CHF', locale: 'de-CH' });
	});

	it('copies a saved profile without its timestamp', () => {
		const saved = {
			name: 'Café Łódź',
			address: 'Rynek 1',
			email: 'a@b.pl',
			phone: '1',
			taxId: 'PL1',
			currency: 'CHF',
			locale: 'de-CH',
			timeZone: 'Europe/Zurich',
			openingHours: 'Mo–Fr 7–18',
			directions: 'Am Markt',
			cardLink: 'https://cafe.example/o/{code}',
			updatedAt: '2025-01-01T00:00:00Z'
		};
		const { updatedAt: _ignored, ...rest } = saved;
		expect(profileInput(saved, choices)).toEqual(rest);
	});

	it("offers the computer's zone for a profile saved before zones were asked", () => {
		const old = {
			name: 'Bean There',
			address: '',
			email: '',
			phone: '',
			taxId: '',
			currency: 'EUR',
			locale: 'en-IE',
			timeZone: '',
			openingHours: '',
			directions: '',
			cardLink: '',
			updatedAt: '2025-01-01T00:00:00Z'
		};
		expect(profileInput(old, choices).timeZone).toBe('Europe/Dublin');
	});
});
