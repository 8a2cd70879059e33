import { describe, expect, it } from 'vitest';
import { balanceText, lastText } from './listing';

describe('partner list words', () => {
	it('says which way the balance points from the core’s direction, whatever the amount', () => {
		expect(balanceText({ direction: 'weOwe', amount: '€4.50' })).toBe('We owe €4.50');
		expect(balanceText({ direction: 'theyOwe', amount: '2,00 €' })).toBe('They owe us 2,00 €');
		expect(balanceText({ direction: 'even', amount: '€0.00' })).toBe('Even');
	});

	it('writes the last redemption in the shop’s locale, or says there was none', () => {
		expect(lastText('2026-10-05', 'en-IE')).toBe('5 October 2026');
		expect(lastText('2026-10-05', 'de-DE')).toBe('5. Oktober 2026');
		expect(lastText(null, 'en-IE')).toBe('Never');
	});
});
