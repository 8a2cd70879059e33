// The people section's words: the role choices and what a change to a person says after.

import type { Person } from '$lib/api/bindings/Person';
import type { PersonRole } from '$lib/api/bindings/PersonRole';
import { roleLabels } from '../signin/signin';

export { roleLabels };

export const roleOptions: readonly { value: PersonRole; label: string }[] = [
	{ value: 'staff', label: `${roleLabels.staff} — the Counter only` },
	{ value: 'owner', label: `${roleLabels.owner} — every screen` }
];

/** The other role, which the row's button offers. */
export function otherRole(role: PersonRole): PersonRole {
	return role === 'owner' ? 'staff' : 'owner';
}

/** The note left after a person was changed. */
export function changeNote(change: 'renamed' | 'role' | 'active' | 'pin', person: Person): string {
	switch (change) {
		case 'renamed':
			return `Renamed to ${person.name}.`;
		case 'role':
			return person.role === 'owner'
				? `${person.name} is now an owner.`
				: `${person.name} is now staff: the Counter only.`;
		case 'active':
			return person.active
				? `${person.name} can sign in again.`
				: `${person.name} can no longer sign in.`;
		case 'pin':
			return `${person.name} has a new PIN.`;
	}
}

/** Whole minutes as typed ("15", " 5 "), or null for anything else; the shell checks the range. */
export function minutesTyped(text: string): number | null {
	const trimmed = text.trim();
	return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}
