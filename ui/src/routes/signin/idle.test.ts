import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatch } from './idle';

const minute = 60_000;

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

function watch(minutes: number) {
	const onIdle = vi.fn();
	const onStillHere = vi.fn();
	const idle = new IdleWatch({ minutes, onIdle, onStillHere });
	return { idle, onIdle, onStillHere };
}

describe('IdleWatch', () => {
	it('locks once the idle time passes with no activity', () => {
		const { onIdle } = watch(10);
		vi.advanceTimersByTime(10 * minute - 1);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(onIdle).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(60 * minute);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('starts the idle time again on each activity', () => {
		const { idle, onIdle } = watch(10);
		vi.advanceTimersByTime(9 * minute);
		idle.activity();
		vi.advanceTimersByTime(9 * minute);
		idle.activity();
		vi.advanceTimersByTime(9 * minute);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(minute);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('tells the shell at most once a minute, however busy the keyboard', () => {
		const { idle, onStillHere } = watch(10);
		// A scan every second for three minutes.
		for (let s = 0; s < 180; s += 1) {
			vi.advanceTimersByTime(1_000);
			idle.activity();
		}
		expect(onStillHere).toHaveBeenCalledTimes(3);
	});

	it('says nothing to the shell while nobody is there', () => {
		const { onStillHere } = watch(10);
		vi.advanceTimersByTime(30 * minute);
		expect(onStillHere).not.toHaveBeenCalled();
	});

	it('tells the shell at least twice per idle time when that is short', () => {
		const { idle, onStillHere } = watch(1);
		vi.advanceTimersByTime(30_000);
		idle.activity();
		expect(onStillHere).toHaveBeenCalledTimes(1);
	});

	it('does nothing once stopped, nor after it locked', () => {
		const stopped = watch(10);
		stopped.idle.stop();
		vi.advanceTimersByTime(20 * minute);
		stopped.idle.activity();
		expect(stopped.onIdle).not.toHaveBeenCalled();
		expect(stopped.onStillHere).not.toHaveBeenCalled();

		const locked = watch(1);
		vi.advanceTimersByTime(minute);
		expect(locked.onIdle).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(minute);
		locked.idle.activity();
		vi.advanceTimersByTime(5 * minute);
		expect(locked.onIdle).toHaveBeenCalledTimes(1);
		expect(locked.onStillHere).not.toHaveBeenCalled();
	});
});
