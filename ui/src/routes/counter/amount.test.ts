import { describe, expect, it } from 'vitest';
import { BurstWatch, burstMaxGapMs, typesCharacter } from './amount';

/** Types `text` into a watch, `gap` ms apart from `start`, then Enter `gap` later. */
function typed(text: string, gap: number, start = 1000): boolean {
	const watch = new BurstWatch();
	let at = start;
	for (let i = 0; i < text.length; i += 1) {
		watch.key(at);
		at += gap;
	}
	return watch.enter(at);
}

describe('scanner bursts in the amount field', () => {
	it('reads a barcode sent in one burst, ending with Enter, as a scan', () => {
		expect(typed('4006381333931', 4)).toBe(true);
		expect(typed('400638', 20)).toBe(true);
	});

	it('reads an amount typed by a person as an amount', () => {
		expect(typed('1234.50', 90)).toBe(false);
		// A fast typist, still slower than a scanner.
		expect(typed('4006381333931', burstMaxGapMs + 10)).toBe(false);
	});

	it('needs enough keys: a short quick amount is not a scan', () => {
		expect(typed('12.50', 5)).toBe(false);
	});

	it('needs the Enter to come at scanner speed too', () => {
		const watch = new BurstWatch();
		for (let at = 0; at < 60; at += 5) watch.key(at);
		expect(watch.enter(60 + 500)).toBe(false);
	});

	it('counts only the run of fast keys: slow typing before a burst does not start it', () => {
		const watch = new BurstWatch();
		watch.key(0);
		watch.key(300);
		for (let at = 600; at < 620; at += 5) watch.key(at); // 4 fast keys only
		expect(watch.enter(622)).toBe(false);
	});

	it('starts over after each Enter and on reset', () => {
		const watch = new BurstWatch();
		for (let at = 0; at < 40; at += 5) watch.key(at);
		watch.reset();
		expect(watch.enter(41)).toBe(false);
		for (let at = 100; at < 140; at += 5) watch.key(at);
		expect(watch.enter(141)).toBe(true);
		expect(watch.enter(142)).toBe(false);
	});
});

describe('keys that type a character', () => {
	const key = (
		k: string,
		mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}
	) => ({
		key: k,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		...mods
	});

	it('are single characters without a modifier', () => {
		for (const k of ['4', ',', '.', ' ']) expect(typesCharacter(key(k)), k).toBe(true);
		for (const k of ['Enter', 'Backspace', 'Shift', 'ArrowLeft']) {
			expect(typesCharacter(key(k)), k).toBe(false);
		}
		expect(typesCharacter(key('v', { ctrlKey: true }))).toBe(false);
	});
});
