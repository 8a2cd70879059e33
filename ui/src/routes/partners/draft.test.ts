import { afterEach, describe, expect, it } from 'vitest';
import * as api from '$lib/api';
import type { Partner } from '$lib/api/bindings/Partner';
import { fakeShell, refusalOf, removeFakeShell } from '$lib/api/testing';
import { placeError } from '$lib/form.svelte';
import { draftFields, draftFrom, emptyDraft, inputFrom } from './draft';

const partner: Partner = {
	id: 4,
	name: 'Bäckerei & Konditorei Müller-Łódź Spezialitäten aus Polen GmbH',
	status: 'active',
	category: 'Bakery',
	contactPerson: 'Anna',
	email: 'anna@example.pl',
	phone: '+48 42 000',
	address: 'ul. Piotrkowska 1\nŁódź',
	website: 'https://example.pl',
	notes: 'Sends students.',
	fit: { audience: 5, synergy: null, reputation: 3, motivation: 1 },
	fitAverage: '3.0',
	nextStatuses: ['paused', 'ended'],
	createdAt: '2025-01-01T10:00:00Z',
	updatedAt: '2025-01-02T10:00:00Z'
};

describe('partner draft', () => {
	it('round-trips a saved partner to the same input', () => {
		const {
			id: _id,
			status: _s,
			fitAverage: _a,
			nextStatuses: _n,
			createdAt: _c,
			updatedAt: _u,
			...input
		} = partner;
		expect(inputFrom(draftFrom(partner))).toEqual(input);
	});

	it('shows unscored fit as the empty choice and keeps the status', () => {
		const draft = draftFrom(partner);
		expect(draft.fitSynergy).toBe('');
		expect(draft.fitAudience).toBe('5');
		expect(draft.status).toBe('active');
	});

	it('sends an empty draft as blank text and null scores', () => {
		expect(inputFrom(emptyDraft())).toEqual({
			name: '',
			category: '',
			contactPerson: '',
			email: '',
			phone: '',
			address: '',
			website: '',
			notes: '',
			fit: { audience: null, synergy: null, reputation: null, motivation: null }
		});
		expect(emptyDraft().status).toBe('prospect');
	});

	it('keeps what was typed exactly, spaces included (the core trims)', () => {
		const draft = { ...emptyDraft(), name: '  Café  ', fitMotivation: '2' };
		expect(inputFrom(draft)).toMatchObject({ name: '  Café  ', fit: { motivation: 2 } });
	});
});

describe('a refused save', () => {
	afterEach(removeFakeShell);

	it('shows a duplicate name beside the name input, and a refused status beside the status', async () => {
		const refusals = [
			{ code: 'duplicate_name', message: 'A partner is already called that.', field: 'name' },
			{ code: 'transition_not_allowed', message: 'A prospect cannot be paused.', field: 'status' }
		];
		fakeShell(() => {
			throw refusals.shift();
		});
		const name = await refusalOf(api.partners.create(inputFrom(emptyDraft())));
		expect(placeError(name, draftFields)).toEqual({
			fields: { name: 'A partner is already called that.' },
			form: null
		});
		const status = await refusalOf(api.partners.changeStatus(4, 'paused'));
		expect(placeError(status, draftFields)).toEqual({
			fields: { status: 'A prospect cannot be paused.' },
			form: null
		});
	});
});
