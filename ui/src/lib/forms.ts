// Turning a refusal from the core into what a form shows: a message beside one input, or one
// message for the whole form.

import type { ApiError } from './api/bindings/ApiError';
import type { Field } from './api/bindings/Field';

/** Messages keyed by the input they belong beside. */
export type FieldErrors = Partial<Record<Field, string>>;

/** Where a form shows `err`: beside its field when the form has that input, else on top. */
export function placeError(
	err: ApiError,
	fields: readonly Field[]
): { fields: FieldErrors; form: string | null } {
	if (err.field !== null && fields.includes(err.field)) {
		return { fields: { [err.field]: err.message }, form: null };
	}
	return { fields: {}, form: err.message };
}

/** Moves focus to the input named `field` inside `form`, so the person can fix it at once. */
export function focusField(form: HTMLElement | undefined, field: Field): void {
	const input = form?.querySelector<HTMLElement>(`[name="${field}"]`);
	input?.focus();
}
