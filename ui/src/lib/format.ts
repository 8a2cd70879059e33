// How values from the core are shown. Labels live here so every screen says the same thing.

import type { PartnerSort } from './api/bindings/PartnerSort';
import type { PartnerStatus } from './api/bindings/PartnerStatus';
import type { VersionStatus } from './api/bindings/VersionStatus';

/** Every status in lifecycle order, with the word shown for it. */
export const statusLabels: Record<PartnerStatus, string> = {
	prospect: 'Prospect',
	active: 'Active',
	paused: 'Paused',
	ended: 'Ended'
};

export const statuses = Object.keys(statusLabels) as PartnerStatus[];

/** An agreement version's status, as its badge says it. */
export const versionStatusLabels: Record<VersionStatus, string> = {
	draft: 'Draft',
	signed: 'Signed',
	superseded: 'Superseded'
};

/** The partner list's orders, as offered in its sort box. */
export const sortLabels: Record<PartnerSort, string> = {
	name: 'Name',
	fitHighFirst: 'Best fit first',
	fitLowFirst: 'Weakest fit first',
	recentlyChanged: 'Recently changed'
};

export const sorts = Object.keys(sortLabels) as PartnerSort[];

/** A fit average as shown in lists; unscored partners get a dash. */
export function fitText(average: string | null): string {
	return average ?? '—';
}

/**
 * A timestamp from the core as a date and time in the shop's locale, e.g. "3 Jan 2025, 14:05",
 * on the computer's clock unless `timeZone` names another zone.
 */
export function dateTimeText(iso: string, locale: string | undefined, timeZone?: string): string {
	const when = new Date(iso);
	if (Number.isNaN(when.getTime())) return iso;
	const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone };
	return inLocale(locale, (tag) => new Intl.DateTimeFormat(tag, options).format(when));
}

/** A calendar day from the core (`YYYY-MM-DD`) in the shop's locale, e.g. "24 November 2026". */
export function dayText(day: string, locale: string | undefined): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return day;
	// Built from its parts in local time: `new Date("2026-11-24")` is UTC midnight, which is
	// the day before west of Greenwich.
	const when = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	if (Number.isNaN(when.getTime())) return day;
	return inLocale(locale, (tag) =>
		new Intl.DateTimeFormat(tag, { dateStyle: 'long' }).format(when)
	);
}

/** A count or a size in the shop's locale, e.g. "1,204" or "1.2", with up to `decimals`. */
export function numberText(value: number, locale: string | undefined, decimals = 0): string {
	const options: Intl.NumberFormatOptions = { maximumFractionDigits: decimals };
	return inLocale(locale, (tag) => new Intl.NumberFormat(tag, options).format(value));
}

/** Formats with `locale`, or the computer's own when it is unknown: it must not hide the value. */
function inLocale(locale: string | undefined, format: (tag: string | undefined) => string): string {
	try {
		return format(locale);
	} catch {
		return format(undefined);
	}
}

/** Today in the computer's own calendar as `YYYY-MM-DD`, the form a date input holds. */
export function todayIso(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
