// How values from the core are shown. Labels live here so every screen says the same thing.

import type { PartnerSort } from './api/bindings/PartnerSort';
import type { PartnerStatus } from './api/bindings/PartnerStatus';

/** Every status in lifecycle order, with the word shown for it. */
export const statusLabels: Record<PartnerStatus, string> = {
	prospect: 'Prospect',
	active: 'Active',
	paused: 'Paused',
	ended: 'Ended'
};

export const statuses = Object.keys(statusLabels) as PartnerStatus[];

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

/** A timestamp from the core as a date and time in the shop's locale, e.g. "3 Jan 2025, 14:05". */
export function dateTimeText(iso: string, locale: string | undefined): string {
	const when = new Date(iso);
	if (Number.isNaN(when.getTime())) return iso;
	try {
		return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
			when
		);
	} catch {
		// An unknown locale must not hide the date.
		return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
			when
		);
	}
}
