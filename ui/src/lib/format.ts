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
	recentlyChanged: 'Recently changed',
	lastRedemptionFirst: 'Latest redemption first',
	mostThisMonth: 'Most redemptions this month',
	weOweMostFirst: 'Most we owe first',
	needsAttentionFirst: 'Needs attention first'
};

export const sorts = Object.keys(sortLabels) as PartnerSort[];

/** A fit average as shown in lists; unscored partners get a dash. */
export function fitText(average: string | null): string {
	return average ?? '—';
}

/** The IANA zone the shop counts its days in (the app status says it); until then, and in
 * tests that set none, the computer's. */
let shopZoneName: string | undefined;

/** Shows every time and "today" in `zone` from now on (the shop's, as the core counts). */
export function setShopZone(zone: string | undefined): void {
	shopZoneName = zone || undefined;
}

/** The shop's zone, or undefined for the computer's. */
export function shopZone(): string | undefined {
	return shopZoneName;
}

/**
 * A timestamp from the core as a date and time in the shop's locale, e.g. "3 Jan 2025, 14:05",
 * in the shop's zone unless `timeZone` names another.
 */
export function dateTimeText(
	iso: string,
	locale: string | undefined,
	timeZone: string | undefined = shopZoneName
): string {
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

/**
 * The shop's calendar day at `now` (today by default) as `YYYY-MM-DD`, the form a date input
 * holds: in the shop's zone, so the forms' "today" is the day the core logs sales on.
 */
export function todayIso(
	now: Date = new Date(),
	timeZone: string | undefined = shopZoneName
): string {
	if (timeZone) {
		try {
			const parts = new Intl.DateTimeFormat('en-US', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit'
			}).formatToParts(now);
			const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
			return `${part('year')}-${part('month')}-${part('day')}`;
		} catch {
			// An unknown zone must not blank the form: the computer's day is the fallback.
		}
	}
	return localIso(now);
}

/** A date built in the computer's calendar (`new Date(y, m, d)`) as `YYYY-MM-DD`. */
export function localIso(day: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
