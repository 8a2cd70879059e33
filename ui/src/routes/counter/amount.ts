// The sale amount field at a till with a barcode scanner. A scanner types a product's
// barcode as a burst of digits a few milliseconds apart and ends it with Enter; nobody types
// that fast. When the burst lands in the amount field (the cursor was in the wrong place),
// it is a barcode, never an amount: it is refused before anything is sent.

/** Shortest burst read as a scan: a short EAN-8 minus margin; few people type 6 keys at once. */
export const burstMinKeys = 6;
/** Longest gap between a scanner's keys, Enter included; a fast typist leaves 60 ms or more. */
export const burstMaxGapMs = 30;

/** The message the core gives for the same refusal, so both read alike. */
export const barcodeMessage = 'This looks like a barcode, not an amount.';

/**
 * Watches the keys typed into the amount field. `key` is called for every character typed,
 * `enter` when Enter is pressed: it says whether what ended was a scanner's burst.
 */
export class BurstWatch {
	/** Times of the keys in the current run of fast keys. */
	#run: number[] = [];

	/** A character typed at `at` (`performance.now()`). */
	key(at: number): void {
		const last = this.#run.at(-1);
		if (last !== undefined && at - last >= burstMaxGapMs) this.#run = [];
		this.#run.push(at);
	}

	/** Enter pressed at `at`: true when it ended a scanner's burst. Starts over either way. */
	enter(at: number): boolean {
		const last = this.#run.at(-1);
		const burst =
			this.#run.length >= burstMinKeys && last !== undefined && at - last < burstMaxGapMs;
		this.#run = [];
		return burst;
	}

	/** Forgets the keys so far (the field was cleared, or left). */
	reset(): void {
		this.#run = [];
	}
}

/** Whether a key event typed one character into the field (not a shortcut or a named key). */
export function typesCharacter(key: {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
}): boolean {
	return !key.ctrlKey && !key.metaKey && !key.altKey && [...key.key].length === 1;
}
