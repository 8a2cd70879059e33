// The submit / busy / refusal / saved-note cycle every form runs, in one place: a form keeps
// what was typed, a refusal that names one of its inputs shows beside that input (and takes
// the focus there), any other shows on top, and a success may leave a short note.

import { getContext, setContext, tick } from 'svelte';
import { toApiError, type ApiError } from './api';
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

export class FormState {
	/** True while the work runs; a second submit meanwhile is ignored. */
	busy = $state(false);
	/** Messages beside their inputs. */
	errors = $state<FieldErrors>({});
	/** The refusal shown on top, when it names no input of this form. */
	refusal = $state<string | null>(null);
	/** The whole refusal shown on top, for forms that act on its `field` or `code`. */
	failure = $state.raw<ApiError | null>(null);
	/** What the last success said, e.g. "Added 12.00 € for printing." */
	note = $state<string | null>(null);
	/** The form element, bound with `bind:this={form.el}`, so a refused input takes focus. */
	el = $state<HTMLElement>();

	readonly #fields: readonly Field[] | (() => readonly Field[]);

	constructor(fields: readonly Field[] | (() => readonly Field[])) {
		this.#fields = fields;
	}

	/**
	 * Runs `work` once (not while it already runs). What it returns as a string becomes the
	 * note. Resolves true when it succeeded, false when the core refused it.
	 */
	async submit(work: () => Promise<unknown>): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		this.clear();
		try {
			const said = await work();
			if (typeof said === 'string') this.note = said;
			return true;
		} catch (err) {
			this.refuse(toApiError(err));
			const field = Object.keys(this.errors)[0] as Field | undefined;
			if (field) {
				await tick();
				focusField(this.el, field);
			}
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** A submit handler for `<form onsubmit=…>` that runs `work` through `submit`. */
	onsubmit(work: () => Promise<unknown>): (event: SubmitEvent) => void {
		return (event) => {
			event.preventDefault();
			void this.submit(work);
		};
	}

	/**
	 * A keydown handler for `<svelte:window>`: Esc runs `leave` (back, close), except while the
	 * work runs, which must finish first, or when something inside already took that Esc.
	 */
	onescape(leave: () => void): (event: KeyboardEvent) => void {
		return (event) => {
			if (event.key === 'Escape' && !event.defaultPrevented && !this.busy) {
				event.preventDefault();
				leave();
			}
		};
	}

	/** Shows `failure` beside its input, or on top. */
	refuse(failure: ApiError): void {
		const fields = typeof this.#fields === 'function' ? this.#fields() : this.#fields;
		const placed = placeError(failure, fields);
		this.errors = placed.fields;
		this.refusal = placed.form;
		this.failure = placed.form === null ? null : failure;
	}

	/** Forgets the last refusal and note. */
	clear(): void {
		this.errors = {};
		this.refusal = null;
		this.failure = null;
		this.note = null;
	}
}

const formKey = Symbol('form');

/**
 * The state of one form whose inputs are named `fields` (the core's Field names); a function
 * for a form whose inputs come and go (the terms form shows the fields of the chosen offer).
 */
export function createForm(fields: readonly Field[] | (() => readonly Field[])): FormState {
	// Called while a component starts: the inputs inside it find their refusal through this.
	return setContext(formKey, new FormState(fields));
}

/** The form an input stands in, if any: a `TextField` shows that form's message for it. */
export function enclosingForm(): FormState | undefined {
	return getContext<FormState | undefined>(formKey);
}
