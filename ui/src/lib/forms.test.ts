import { describe, expect, it } from 'vitest';
import { placeError } from './forms';

describe('placeError', () => {
	it('puts an error beside its field when the form has it', () => {
		const err = { code: 'duplicate_name', message: 'Taken.', field: 'name' } as const;
		expect(placeError(err, ['name', 'email'])).toEqual({ fields: { name: 'Taken.' }, form: null });
	});

	it('puts an error for a field the form lacks on the form', () => {
		const err = { code: 'invalid_input', message: 'Bad search.', field: 'search' } as const;
		expect(placeError(err, ['name'])).toEqual({ fields: {}, form: 'Bad search.' });
	});

	it('puts an error without a field on the form', () => {
		const err = { code: 'internal', message: 'Disk full.', field: null } as const;
		expect(placeError(err, ['name'])).toEqual({ fields: {}, form: 'Disk full.' });
	});
});
