// Every element an end-to-end story touches carries a data-testid from here, so the
// stories in tests/ and the screens agree on one list.

export const testIds = {
	nav: {
		partners: 'nav-partners',
		agreements: 'nav-agreements',
		codes: 'nav-codes',
		counter: 'nav-counter',
		money: 'nav-money',
		settings: 'nav-settings'
	},
	setup: {
		form: 'setup-form',
		name: 'setup-name',
		address: 'setup-address',
		email: 'setup-email',
		phone: 'setup-phone',
		taxId: 'setup-tax-id',
		currency: 'setup-currency',
		locale: 'setup-locale',
		submit: 'setup-submit',
		loadDemo: 'setup-load-demo'
	},
	partners: {
		list: 'partner-list',
		row: 'partner-row',
		rowName: 'partner-row-name',
		rowStatus: 'partner-row-status',
		rowFit: 'partner-row-fit',
		empty: 'partner-list-empty',
		newButton: 'partner-new',
		search: 'partner-search',
		statusFilter: 'partner-status-filter',
		sort: 'partner-sort',
		/** "Saved …" after the editor saved a partner. */
		saved: 'partner-saved',
		/** The list's own load failure (not a form refusal). */
		loadError: 'partner-list-error'
	},
	partnerForm: {
		form: 'partner-form',
		name: 'partner-name',
		category: 'partner-category',
		contactPerson: 'partner-contact-person',
		email: 'partner-email',
		phone: 'partner-phone',
		address: 'partner-address',
		website: 'partner-website',
		notes: 'partner-notes',
		fitAudience: 'partner-fit-audience',
		fitSynergy: 'partner-fit-synergy',
		fitReputation: 'partner-fit-reputation',
		fitMotivation: 'partner-fit-motivation',
		status: 'partner-status',
		save: 'partner-save',
		cancel: 'partner-cancel',
		/** The editor panel around the form. */
		panel: 'partner-editor'
	},
	settings: {
		/** "Saved …" after the business profile was saved in Settings. */
		saved: 'settings-saved'
	},
	/** The message shown beside an input, for a `field` named by an ApiError. */
	fieldError: (field: string) => `error-${field}`,
	formError: 'form-error',
	storeProblem: 'store-problem',
	comingSoon: 'coming-soon'
} as const;
