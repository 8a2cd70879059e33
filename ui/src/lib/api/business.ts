// The business running the app: printed on every document.

import { call } from './ipc';
import type { BusinessProfile } from './bindings/BusinessProfile';
import type { BusinessProfileInput } from './bindings/BusinessProfileInput';
import type { Choice } from './bindings/Choice';
import type { LogoView } from './bindings/LogoView';
import type { ProfileChoices } from './bindings/ProfileChoices';

export type { BusinessProfile, BusinessProfileInput, Choice, LogoView, ProfileChoices };

/** Creates or replaces the business profile. */
export function saveProfile(input: BusinessProfileInput): Promise<BusinessProfile> {
	return call<BusinessProfile>('save_business_profile', { input });
}

/** The shop's logo (its size and a `data:` URL to show), or null when none is chosen. */
export function logo(): Promise<LogoView | null> {
	return call<LogoView | null>('business_logo');
}

/**
 * Asks for a PNG, JPEG or SVG file and makes it the shop's logo. Resolves with the logo as
 * stored, or null when the dialog was cancelled; rejects on `logo` for a file that is not one.
 */
export function chooseLogo(): Promise<LogoView | null> {
	return call<LogoView | null>('choose_logo');
}

/** Removes the shop's logo; documents print without one. */
export function removeLogo(): Promise<void> {
	return call<void>('remove_logo');
}
