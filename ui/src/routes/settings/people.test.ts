import { describe, expect, it } from 'vitest';
import { changeNote, minutesTyped, otherRole } from './people';

const bo = { id: 2, name: 'Café Müller', role: 'staff' as const, active: true };

describe('people', () => {
	it('offers the other role', () => {
		expect(otherRole('owner')).toBe('staff');
		expect(otherRole('staff')).toBe('owner');
	});

	it('says what changed, by name', () => {
		expect(changeNote('renamed', bo)).toBe('Renamed to Café Müller.');
		expect(changeNote('role', { ...bo, role: 'owner' })).toBe('Café Müller is now an owner.');
		expect(changeNote('role', bo)).toBe('Café Müller is now staff: the Counter only.');
		expect(changeNote('active', { ...bo, active: false })).toBe(
			'Café Müller can no longer sign in.'
		);
		expect(changeNote('active', bo)).toBe('Café Müller can sign in again.');
		expect(changeNote('pin', bo)).toBe('Café Müller has a new PIN.');
	});

	it('reads whole minutes and nothing else', () => {
		expect(minutesTyped('15')).toBe(15);
		expect(minutesTyped(' 5 ')).toBe(5);
		expect(minutesTyped('0')).toBe(0);
		expect(minutesTyped('')).toBeNull();
		expect(minutesTyped('1.5')).toBeNull();
		expect(minutesTyped('-3')).toBeNull();
		expect(minutesTyped('ten')).toBeNull();
	});
});
