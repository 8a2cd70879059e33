// Every element an end-to-end story touches carries a data-testid from testIds.json, so the
// screens and the stories agree on one list: the UI reads it here, and the Rust stories read
// the same file through tests/build.rs, which turns it into constants (a renamed id breaks
// the story's build, not its run). An id with `{}` in it is a family, e.g. one radio per kind;
// here it is a function that fills the `{}` in.

import ids from './testIds.json';

/** The id of one member of a family, e.g. `terms-offer-kind-{}` for `percentOff`. */
function family(template: string): (part: string) => string {
	return (part) => template.replace('{}', part);
}

export const testIds = {
	...ids,
	termsForm: {
		...ids.termsForm,
		offerKind: family(ids.termsForm.offerKind),
		rewardKind: family(ids.termsForm.rewardKind),
		payoutCadence: family(ids.termsForm.payoutCadence),
		payoutMethod: family(ids.termsForm.payoutMethod)
	},
	/** The message shown beside an input, for a `field` named by an ApiError. */
	fieldError: family(ids.fieldError)
} as const;
