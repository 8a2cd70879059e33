// The lookups of this app session. Kept outside the page, so an owner who leaves the counter
// and comes back still sees what was checked, and sequence numbers keep counting up.

import { Sequence, recordCheck, settleCheck, type Check } from './counter';

class CounterSession {
	readonly lookups = new Sequence();
	/** "Checked just now", newest first. */
	checks = $state.raw<Check[]>([]);

	/** Numbers a lookup and lists it as being checked. */
	begin(typed: string, title: string, suggested: boolean): number {
		const seq = this.lookups.next();
		this.checks = recordCheck(this.checks, {
			seq,
			typed,
			at: new Date(),
			kind: 'pending',
			title,
			suggested
		});
		return seq;
	}

	settle(seq: number, kind: Check['kind'], title: string): void {
		this.checks = settleCheck(this.checks, seq, kind, title);
	}
}

export const session = new CounterSession();
