// The business profile form's starting values.

import type { BusinessProfile } from './api/bindings/BusinessProfile';
import type { BusinessProfileInput } from './api/bindings/BusinessProfileInput';
import type { Choice } from './api/bindings/Choice';
import type { ProfileChoices } from './api/bindings/ProfileChoices';

/** What a new shop starts with, when the choices offer it. */
export const defaultCurrency = 'EUR';
export const defaultLocale = 'en-IE';

function pick(choices: readonly Choice[], wanted: string): string {
	if (choices.some((c) => c.code === wanted)) return wanted;
	return choices[0]?.code ?? wanted;
}

/** The saved profile as form values, or a blank form with sensible defaults. */
export function profileInput(
	profile: BusinessProfile | null,
	choices: ProfileChoices
): BusinessProfileInput {
	if (profile) {
		const { name, address, email, phone, taxId, currency, locale } = profile;
		const { openingHours, directions, cardLink } = profile;
		// A profile from before the app asked for a zone shows the computer's, ready to save.
		const timeZone = profile.timeZone || choices.suggestedTimeZone;
		return {
			name,
			address,
			email,
			phone,
			taxId,
			currency,
			locale,
			timeZone,
			openingHours,
			directions,
			cardLink
		};
	}
	return {
		name: '',
		address: '',
		email: '',
		phone: '',
		taxId: '',
		currency: pick(choices.currencies, defaultCurrency),
		locale: pick(choices.locales, defaultLocale),
		timeZone: choices.suggestedTimeZone,
		openingHours: '',
		directions: '',
		cardLink: ''
	};
}
