// Test helper: a fake shell that answers `invoke` and records what each command was sent.
// Used only by the *.test.ts files beside it.

import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { isApiError, type ApiError } from './ipc';

export type Sent = { cmd: string; args: unknown };

/**
 * Routes every `invoke` to `answer`, which may return a value or throw (the rejection the
 * shell would send). Returns the list of calls made, in order.
 */
export function fakeShell(answer: (cmd: string, args: unknown) => unknown): Sent[] {
	// The mocks write to `window`; under Node the global object stands in for it.
	if (typeof window === 'undefined') {
		(globalThis as { window?: unknown }).window = globalThis;
	}
	const sent: Sent[] = [];
	mockIPC((cmd, args) => {
		sent.push({ cmd, args });
		return answer(cmd, args);
	});
	return sent;
}

/** Removes the fake shell installed by `fakeShell`. */
export function removeFakeShell(): void {
	clearMocks();
}

/** What `promise` rejects with, which must be an `ApiError`; throws when it resolves. */
export async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
	const outcome = await promise.then(
		(value: unknown) => ({ settled: 'resolved', value }),
		(value: unknown) => ({ settled: 'rejected', value })
	);
	if (outcome.settled === 'resolved') {
		throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
	}
	if (!isApiError(outcome.value)) {
		throw new Error(`expected an ApiError, got ${JSON.stringify(outcome.value)}`);
	}
	return outcome.value;
}
