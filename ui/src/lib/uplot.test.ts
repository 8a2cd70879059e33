import { describe, expect, it } from 'vitest';
import { intlAccepts } from './uplot';

describe('uplot loading', () => {
	it('knows the locale tags Intl refuses, which would stop uPlot from loading', () => {
		expect(intlAccepts('en-IE')).toBe(true);
		expect(intlAccepts('de-DE')).toBe(true);
		expect(intlAccepts('c.UTF-8')).toBe(false);
		expect(intlAccepts('')).toBe(false);
		expect(intlAccepts(undefined)).toBe(false);
	});
});
