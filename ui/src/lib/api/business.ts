// The business running the app: printed on every document.

import { call } from './ipc';
import type { BusinessProfile } from './bindings/BusinessProfile';
import type { BusinessProfileInput } from './bindings/BusinessProfileInput';
import type { Choice } from './bindings/Choice';
import type { ProfileChoices } from './bindings/ProfileChoices';

export type { BusinessProfile, BusinessProfileInput, Choice, ProfileChoices };

/** Creates or replaces the business profile. */
export function saveProfile(input: BusinessProfileInput): Promise<BusinessProfile> {
	return call<BusinessProfile>('save_business_profile', { input });
}
