import { describe, expect, it } from 'vitest';
import { paperChoices, paperFor } from './paper';

describe('paperFor', () => {
	it('sends no paper for auto, so the locale decides', () => {
		expect(paperFor('auto')).toBeNull();
		expect(paperFor('a4')).toBe('a4');
		expect(paperFor('letter')).toBe('letter');
	});

	it('offers auto first', () => {
		expect(paperChoices.map((c) => c.value)).toEqual(['auto', 'a4', 'letter']);
	});
});
