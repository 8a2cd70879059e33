// The paper a PDF is printed on (agreements, card sheets, statements): one choice, the same
// words on every screen.

import type { Paper } from './api/bindings/Paper';

/** The print paper box: "auto" sends no paper, so the shop locale's usual size is used. */
export type PaperChoice = Paper | 'auto';

export const paperChoices: { value: PaperChoice; label: string }[] = [
	{ value: 'auto', label: 'Auto (by region)' },
	{ value: 'a4', label: 'A4' },
	{ value: 'letter', label: 'US Letter' }
];

/** What a print command is sent for a paper choice. */
export function paperFor(choice: PaperChoice): Paper | null {
	return choice === 'auto' ? null : choice;
}
