// CSV exports (owners only): redemptions, partners or payouts, saved where the owner says.

import { call } from './ipc';
import type { CsvKind } from './bindings/CsvKind';

export type { CsvKind };

/**
 * Saves a CSV file of `kind`: the redemptions of days `from..=to` (both `YYYY-MM-DD`, the
 * period on screen), or every partner or payout. Resolves with the path, or null when
 * cancelled.
 */
export function csv(kind: CsvKind, from: string, to: string): Promise<string | null> {
	return call<string | null>('export_csv', { kind, from, to });
}
