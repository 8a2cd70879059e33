// The idle lock, as the window keeps it: a timer that any activity restarts, which locks when
// it runs out, and a note to the shell that the person is still there.
//
// The shell locks a session it has not heard from for the idle time too, and only hears of
// activity through `still_here`. That note goes at most once a minute (a keystroke each would
// flood it), and at least twice per idle time, so a short idle time is not undercut by it.

/** The longest gap between two notes to the shell while someone is at work. */
export const stillHereEveryMs = 60_000;

export type IdleOptions = {
	/** The idle time; the lock comes this long after the last activity. */
	minutes: number;
	/** Called once when the time runs out. */
	onIdle: () => void;
	/** Called on activity at most once per `stillHereEveryMs` (or half the idle time). */
	onStillHere: () => void;
};

export class IdleWatch {
	readonly #idleMs: number;
	readonly #noteEveryMs: number;
	readonly #onIdle: () => void;
	readonly #onStillHere: () => void;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The sign-in (or watch start) counts as the first thing the shell heard. */
	#lastNote = Date.now();
	#stopped = false;

	/** Starts watching at once. */
	constructor(options: IdleOptions) {
		this.#idleMs = Math.max(1, options.minutes) * 60_000;
		this.#noteEveryMs = Math.min(stillHereEveryMs, this.#idleMs / 2);
		this.#onIdle = options.onIdle;
		this.#onStillHere = options.onStillHere;
		this.#arm();
	}

	/** Someone typed, clicked or changed an input: the idle time starts again. */
	activity(): void {
		if (this.#stopped) return;
		this.#arm();
		const now = Date.now();
		if (now - this.#lastNote >= this.#noteEveryMs) {
			this.#lastNote = now;
			this.#onStillHere();
		}
	}

	/** Stops the timer for good (the window locked, or the idle time changed). */
	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}

	#arm(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.stop();
			this.#onIdle();
		}, this.#idleMs);
	}
}
