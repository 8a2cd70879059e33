// The Partners list's words for what the core worked out about each partner: which way the
// balance points (from the direction the core gives, never from the amount's sign), when it
// last had a redemption, and why it is flagged. Counts and amounts are shown as they come.

import type { NetView } from '$lib/api/bindings/NetView';
import { dayText } from '$lib/format';

/** The balance either way: "We owe €4.50", "They owe us €2.00" or "Even". */
export function balanceText(net: NetView): string {
	switch (net.direction) {
		case 'weOwe':
			return `We owe ${net.amount}`;
		case 'theyOwe':
			return `They owe us ${net.amount}`;
		case 'even':
			return 'Even';
	}
}

/** The day of the last redemption in the shop's locale, or "Never". */
export function lastText(day: string | null, locale: string | undefined): string {
	return day === null ? 'Never' : dayText(day, locale);
}

/** What the "needs attention" flag means, for its tooltip and screen readers. */
export const attentionHint = 'Active, and no redemption in the last 30 days';
