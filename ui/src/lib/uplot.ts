// uPlot, loaded when a chart is first drawn rather than with the screen.
//
// uPlot makes a number formatter from `navigator.language` the moment it loads. WebKitGTK
// reports the POSIX locale of a session started without LANG (a till PC's kiosk session, a
// test's Xvfb) as a tag Intl refuses, so a static import failed the whole Money screen with
// a RangeError before anything drew. Loading it here first gives it a language Intl accepts;
// its own number formatting is never shown (the axis and values are the core's labels).

import type uPlotType from 'uplot';

let loading: Promise<typeof uPlotType> | null = null;

/** Whether Intl accepts `tag` as a locale. */
export function intlAccepts(tag: string | undefined): boolean {
	if (!tag) return false;
	try {
		new Intl.NumberFormat(tag);
		return true;
	} catch {
		return false;
	}
}

/** The uPlot constructor, loaded once. */
export function loadUPlot(): Promise<typeof uPlotType> {
	if (!intlAccepts(globalThis.navigator?.language)) {
		Object.defineProperty(globalThis.navigator, 'language', {
			value: 'en-US',
			configurable: true
		});
	}
	loading ??= import('uplot').then((m) => m.default);
	return loading;
}
