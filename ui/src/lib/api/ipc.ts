// The one place that talks to the shell. Every command goes through `call`, so every failure
// reaches the screens in one shape: an `ApiError` with a code to act on and a field to mark.

import { invoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import type { ApiError } from './bindings/ApiError';
import type { ErrorCode } from './bindings/ErrorCode';
import type { Field } from './bindings/Field';

export type { ApiError, ErrorCode, Field };

// A record rather than a list, so a code added in Rust fails the type check here until the
// UI has been taught it.
const errorCodes: Record<ErrorCode, true> = {
	invalid_input: true,
	duplicate_name: true,
	not_found: true,
	transition_not_allowed: true,
	profile_required: true,
	store_too_new: true,
	store_damaged: true,
	store_unavailable: true,
	store_busy: true,
	agreement_not_found: true,
	agreement_frozen: true,
	draft_exists: true,
	period_overlap: true,
	document_failed: true,
	file_not_saved: true,
	code_taken: true,
	code_not_found: true,
	forbidden: true,
	attempt_key_reused: true,
	looks_like_barcode: true,
	confirm_large_sale: true,
	redemption_not_found: true,
	already_voided: true,
	over_balance: true,
	payout_not_found: true,
	already_reversed: true,
	import_refused: true,
	update_refused: true,
	update_failed: true,
	wrong_pin: true,
	pin_wait: true,
	last_owner: true,
	owner_exists: true,
	person_inactive: true,
	backup_refused: true,
	server_unavailable: true,
	already_entered: true,
	nothing_to_settle: true,
	statement_refused: true,
	key_changed: true,
	internal: true
};

// Who hears that the shell refused a command as not allowed for this window: the layout,
// which reads the status again and shows the lock screen when the session has ended (signed
// out, or locked after the idle time). One place, so no screen has to handle it itself.
const signedOutListeners = new Set<() => void>();

/**
 * Calls `listener` whenever a command is refused with `forbidden` (the shell's answer when
 * nobody is signed in, the session was locked after the idle time, or the person may not do
 * that). The command still rejects as usual. Returns the unsubscribe.
 */
export function onForbidden(listener: () => void): () => void {
	signedOutListeners.add(listener);
	return () => {
		signedOutListeners.delete(listener);
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/** Whether `value` has the shape the shell rejects with. */
export function isApiError(value: unknown): value is ApiError {
	return (
		isRecord(value) &&
		typeof value.code === 'string' &&
		Object.hasOwn(errorCodes, value.code) &&
		typeof value.message === 'string' &&
		(value.field === null || typeof value.field === 'string')
	);
}

/** Any thrown value as an `ApiError`; what is not one becomes an `internal` error. */
export function toApiError(value: unknown): ApiError {
	if (isApiError(value)) return value;
	// A shell that forgot `field` still gets its code and message through.
	if (isRecord(value) && typeof value.code === 'string' && Object.hasOwn(errorCodes, value.code)) {
		const message = typeof value.message === 'string' ? value.message : 'Something went wrong.';
		return { code: value.code as ErrorCode, message, field: null };
	}
	let message: string;
	if (value instanceof Error) message = value.message;
	else if (typeof value === 'string') message = value;
	else if (isRecord(value) && typeof value.message === 'string') message = value.message;
	else message = 'Something went wrong.';
	return { code: 'internal', message: message || 'Something went wrong.', field: null };
}

/**
 * Calls the shell command `cmd` with `args` (named arguments, or raw bytes as the body,
 * `options` then carrying headers); resolves with its result or rejects with an `ApiError`.
 */
export async function call<T>(
	cmd: string,
	args: InvokeArgs = {},
	options?: InvokeOptions
): Promise<T> {
	try {
		return await invoke<T>(cmd, args, options);
	} catch (err) {
		const failure = toApiError(err);
		if (failure.code === 'forbidden') {
			for (const listener of signedOutListeners) listener();
		}
		throw failure;
	}
}
