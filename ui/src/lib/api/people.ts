// The people who may sign in, as the owner manages them: staff and owners, their PINs.
// Every command here is the owner's: staff get `forbidden`.

import { call } from './ipc';
import type { NewPerson } from './bindings/NewPerson';
import type { Person } from './bindings/Person';
import type { PersonRole } from './bindings/PersonRole';
import type { PinChange } from './bindings/PinChange';

export type { NewPerson, Person, PersonRole, PinChange };

/** Everyone, active or not. */
export function list(): Promise<Person[]> {
	return call<Person[]>('list_people');
}

/** Adds a person; a taken name is refused on `name`, a PIN the core refuses on `pin`. */
export function add(input: NewPerson): Promise<Person> {
	return call<Person>('add_person', { input });
}

/** Renames a person; resolves with them as stored. */
export function rename(id: number, name: string): Promise<Person> {
	return call<Person>('rename_person', { id, name });
}

/**
 * Deactivates a person (they can no longer sign in) or brings them back. The last active
 * owner is refused with `last_owner`.
 */
export function setActive(id: number, active: boolean): Promise<Person> {
	return call<Person>('set_person_active', { id, active });
}

/** Makes a person an owner or staff; demoting the last active owner is refused (`last_owner`). */
export function setRole(id: number, role: PersonRole): Promise<Person> {
	return call<Person>('set_person_role', { id, role });
}

/** Gives a person a new PIN, typed twice. */
export function resetPin(id: number, pin: PinChange): Promise<null> {
	return call<null>('reset_person_pin', { id, pin });
}
