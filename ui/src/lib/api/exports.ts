// CSV exports (owners only): redemptions, partners or payouts, saved where the owner says.

import { call } from './ipc';
import type { CsvKind } from './bindings/CsvKind';

export type { CsvKind };

/** Saves a CSV file of everything of `kind`; resolves with the path, or null when cancelled. */
export function csv(kind: CsvKind): Promise<string | null> {
	return call<string | null>('export_csv', { kind });
}
