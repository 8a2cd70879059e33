// Every element an end-to-end story touches carries a data-testid from here, so the
// stories in tests/ and the screens agree on one list.

export const testIds = {
	nav: {
		partners: 'nav-partners',
		agreements: 'nav-agreements',
		codes: 'nav-codes',
		counter: 'nav-counter',
		money: 'nav-money',
		settings: 'nav-settings',
		/** The business name atop the navigation. */
		shopName: 'nav-shop-name'
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
		loadError: 'partner-list-error',
		/** The CSV import: open it, the file input, each previewed row (`data-line`, and
		 * `data-ready`), the "Import 12 partners" button and the "12 ready, 2 with problems" line. */
		importOpen: 'partner-import-open',
		importFile: 'partner-import-file',
		importRow: 'partner-import-row',
		importSubmit: 'partner-import-submit',
		importSummary: 'partner-import-summary',
		importCancel: 'partner-import-cancel',
		importError: 'partner-import-error'
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
	/** The editor's read-only "Terms in force today" section. */
	partnerTerms: {
		section: 'partner-terms',
		summary: 'partner-terms-summary',
		none: 'partner-terms-none',
		link: 'partner-agreements-link'
	},
	agreements: {
		partnerSearch: 'agreements-partner-search',
		partnerList: 'agreements-partner-list',
		/** One partner in the picker; `data-partner-id` tells which. */
		partnerItem: 'agreements-partner',
		partnersEmpty: 'agreements-partners-empty',
		/** The panel for the chosen partner; its heading is the partner's name. */
		panel: 'agreements-panel',
		partnerName: 'agreements-partner-name',
		versions: 'agreement-versions',
		noVersions: 'agreement-none',
		/** One version, newest first; `data-version` and `data-status` tell which. */
		version: 'agreement-version',
		versionTitle: 'agreement-version-title',
		versionStatus: 'agreement-version-status',
		versionEffective: 'agreement-version-effective',
		versionSummary: 'agreement-version-summary',
		versionSigned: 'agreement-version-signed',
		newVersion: 'agreement-new-version',
		startDraft: 'agreement-start-draft',
		edit: 'agreement-edit',
		sign: 'agreement-sign',
		deleteDraft: 'agreement-delete',
		confirmDelete: 'agreement-delete-confirm',
		keepDraft: 'agreement-delete-cancel',
		print: 'agreement-print',
		paper: 'agreement-paper',
		/** "Saved to <path>" after a PDF was written. */
		savedPath: 'agreement-saved-path',
		/** "Signed version 3 …" and other confirmations. */
		note: 'agreement-note',
		/** A refused action (not a form field). */
		actionError: 'agreement-error',
		loadError: 'agreement-load-error'
	},
	termsForm: {
		form: 'terms-form',
		model: 'terms-model',
		effectiveFrom: 'terms-effective-from',
		effectiveTo: 'terms-effective-to',
		/** One radio per kind, e.g. `terms-offer-kind-percentOff`. */
		offerKind: (kind: string) => `terms-offer-kind-${kind}`,
		offerPercent: 'terms-offer-percent',
		offerAmount: 'terms-offer-amount',
		offerItem: 'terms-offer-item',
		minSale: 'terms-min-sale',
		rewardKind: (kind: string) => `terms-reward-kind-${kind}`,
		rewardPercent: 'terms-reward-percent',
		rewardAmount: 'terms-reward-amount',
		rewardOnGross: 'terms-reward-on-gross',
		monthlyCap: 'terms-monthly-cap',
		payoutCadence: (cadence: string) => `terms-payout-cadence-${cadence}`,
		payoutMethod: (method: string) => `terms-paid-by-${method}`,
		payoutMethodOther: 'terms-payout-method-other',
		/** Each clause's text area, in order. */
		clause: 'terms-clause',
		addClause: 'terms-clause-add',
		removeClause: 'terms-clause-remove',
		clauseUp: 'terms-clause-up',
		clauseDown: 'terms-clause-down',
		notes: 'terms-notes',
		preview: 'terms-preview',
		previewSummary: 'terms-preview-summary',
		previewEffective: 'terms-preview-effective',
		/** Shown instead of updating the preview while a field is refused. */
		previewStale: 'terms-preview-stale',
		save: 'terms-save',
		cancel: 'terms-cancel'
	},
	signDialog: {
		dialog: 'sign-dialog',
		signedOn: 'sign-signed-on',
		ourSignatory: 'sign-our-signatory',
		partnerSignatory: 'sign-partner-signatory',
		submit: 'sign-submit',
		cancel: 'sign-cancel',
		/** The refusal shown at the dialog's top (e.g. an overlapping period). */
		error: 'sign-error'
	},
	codes: {
		partnerSelect: 'codes-partner',
		partnersEmpty: 'codes-partners-empty',
		/** The partners' own load failure. */
		loadError: 'codes-load-error',
		/** The panel for the chosen partner. */
		panel: 'codes-panel',
		/** Open (or close) the "Issue one code" and "Issue a batch" forms. */
		openIssueOne: 'codes-open-issue-one',
		openIssueBatch: 'codes-open-issue-batch',
		list: 'code-list',
		/** No codes at all for this partner. */
		empty: 'code-list-empty',
		/** Codes exist but the filters keep none. */
		noMatch: 'code-list-no-match',
		/** One code; `data-code-id` and `data-enabled` tell which. */
		row: 'code-row',
		rowSelect: 'code-row-select',
		rowCode: 'code-row-code',
		rowStatus: 'code-row-status',
		rowValidity: 'code-row-validity',
		rowLimit: 'code-row-limit',
		/** "not used", "used up (1 of 1)", … */
		rowUses: 'code-row-uses',
		rowNote: 'code-row-note',
		rowBatch: 'code-row-batch',
		/** "12 of 220 codes" above the list. */
		shown: 'code-list-shown',
		showMore: 'code-list-more',
		statusFilter: 'code-status-filter',
		useFilter: 'code-use-filter',
		batchFilter: 'code-batch-filter',
		search: 'code-search',
		selectAll: 'code-select-all',
		selectedCount: 'code-selected-count',
		disableSelected: 'code-disable-selected',
		enableSelected: 'code-enable-selected',
		printSelected: 'code-print-selected',
		paper: 'code-paper',
		/** The in-page "Disable 5 codes?" question and its answers. */
		confirm: 'code-confirm',
		confirmYes: 'code-confirm-yes',
		confirmNo: 'code-confirm-no',
		/** "Issued 200 codes." and other confirmations. */
		note: 'code-note',
		savedPath: 'code-saved-path',
		/** A refused action (not a form field). */
		actionError: 'code-error'
	},
	issueCode: {
		form: 'issue-code-form',
		code: 'issue-code-custom',
		validFrom: 'issue-code-valid-from',
		validUntil: 'issue-code-valid-until',
		limit: 'issue-code-limit',
		note: 'issue-code-note',
		withPrefix: 'issue-code-with-prefix',
		submit: 'issue-code-submit'
	},
	issueBatch: {
		form: 'issue-batch-form',
		count: 'issue-batch-count',
		validFrom: 'issue-batch-valid-from',
		validUntil: 'issue-batch-valid-until',
		limit: 'issue-batch-limit',
		note: 'issue-batch-note',
		withPrefix: 'issue-batch-with-prefix',
		submit: 'issue-batch-submit',
		progress: 'issue-batch-progress',
		/** "Print these cards…" after a batch was issued. */
		print: 'issue-batch-print'
	},
	checkCode: {
		form: 'check-code-form',
		input: 'check-code-input',
		submit: 'check-code-submit',
		/** What the counter would say; `data-kind` holds the outcome's kind. */
		result: 'check-code-result'
	},
	counter: {
		/** The big code input. */
		input: 'counter-code',
		/** The result panel: `data-kind` (outcome kind, or `logged`), `data-seq` (the lookup
		 * shown) and `data-ms` (Enter to rendered, once measured). */
		result: 'counter-result',
		/** "VALID", "MISTYPED", "ALREADY USED", … or "LOGGED". */
		resultTitle: 'counter-result-title',
		/** "You typed: …" */
		typed: 'counter-typed',
		partner: 'counter-partner',
		offer: 'counter-offer',
		/** The sentence: when and where a code was used, its dates, … */
		detail: 'counter-detail',
		/** Exactly the suggested code, e.g. BAKERY-7K2Q-X9A. */
		suggestion: 'counter-suggestion',
		acceptSuggestion: 'counter-accept-suggestion',
		saleForm: 'counter-sale-form',
		sale: 'counter-sale',
		/** The refusal beside the amount. */
		saleError: 'counter-sale-error',
		newCustomer: 'counter-new-customer',
		note: 'counter-note',
		logButton: 'counter-log',
		cancel: 'counter-cancel',
		/** "Logged No. 42 — give €1.25 off (customer pays €11.25)". */
		confirmation: 'counter-confirmation',
		/** Exactly "No. 42". */
		number: 'counter-number',
		/** Exactly the discount, e.g. "€1.25". */
		discount: 'counter-discount',
		/** The recent table, or its empty state. */
		recent: 'counter-recent',
		recentEmpty: 'counter-recent-empty',
		/** One redemption; `data-redemption-id` and `data-voided` tell which. */
		recentRow: 'counter-recent-row',
		recentVoid: 'counter-recent-void',
		voidDialog: 'counter-void-dialog',
		voidReason: 'counter-void-reason',
		voidRestore: 'counter-void-restore',
		voidConfirm: 'counter-void-confirm',
		voidCancel: 'counter-void-cancel',
		voidError: 'counter-void-error',
		/** "Checked just now": this session's lookups, newest first. */
		checks: 'counter-checks',
		checkRow: 'counter-check-row',
		/** Exactly what was typed. */
		checkTyped: 'counter-check-typed',
		/** The outcome's title. */
		checkKind: 'counter-check-kind',
		/** This till's name. */
		till: 'counter-till',
		/** The root of the counter-only window staff get. */
		counterOnly: 'counter-only'
	},
	money: {
		tabDashboard: 'money-tab-dashboard',
		tabPartner: 'money-tab-partner',
		tabCosts: 'money-tab-costs',
		/** The period preset <select>; Custom shows `from` and `to`. */
		period: 'money-period',
		from: 'money-from',
		to: 'money-to',
		/** The dashboard's load failure. */
		loadError: 'money-load-error',
		/** Each headline card; `data-figure` names it (sales, revenue, newCustomers, …). */
		headline: 'money-headline',
		chart: 'money-chart',
		/** Nothing happened in the period. */
		empty: 'money-empty',
		/** One row of "Top partners"; `data-partner-id` tells which. */
		topPartnerRow: 'money-top-partner',
		/** One goal; `data-met` tells whether it is met. */
		goal: 'money-goal',
		/** The partner <select>: option value = partner id, text = name. */
		partnerSelect: 'money-partner',
		/** Contains the closing balance exactly as the core wrote it, e.g. "€3.14". */
		closingBalance: 'money-closing-balance',
		/** "You owe Crumb & Co. Bakery €3.14" or "… paid in advance". */
		owedSentence: 'money-owed',
		redemptionRow: 'money-redemption-row',
		payoutForm: 'money-payout-form',
		payoutDate: 'money-payout-date',
		payoutAmount: 'money-payout-amount',
		payoutMethod: 'money-payout-method',
		payoutReference: 'money-payout-reference',
		payoutPeriodFrom: 'money-payout-period-from',
		payoutPeriodTo: 'money-payout-period-to',
		payoutSubmit: 'money-payout-submit',
		/** The refusal beside the amount (or on the form). */
		payoutError: 'money-payout-error',
		/** "Pay it anyway" after an over-balance refusal. */
		payoutConfirmOver: 'money-payout-confirm-over',
		/** "Recorded …" after a payout was saved. */
		payoutNote: 'money-payout-note',
		/** One payout; `data-payout-id` and `data-reversed` tell which. */
		payoutRow: 'money-payout-row',
		payoutReverse: 'money-payout-reverse',
		reverseDialog: 'money-reverse-dialog',
		reverseReason: 'money-reverse-reason',
		reverseConfirm: 'money-reverse-confirm',
		reverseCancel: 'money-reverse-cancel',
		reverseError: 'money-reverse-error',
		paper: 'money-paper',
		printStatement: 'money-print-statement',
		/** Exactly the saved path. */
		statementSaved: 'money-statement-saved',
		statementError: 'money-statement-error',
		exportRedemptions: 'money-export-redemptions',
		exportPartners: 'money-export-partners',
		exportPayouts: 'money-export-payouts',
		/** Exactly the saved path. */
		exportSaved: 'money-export-saved',
		exportError: 'money-export-error',
		costForm: 'money-cost-form',
		costAmount: 'money-cost-amount',
		/** The cost's category <select>: printing, events, jointPromotion, other. */
		costCategory: 'money-cost-category',
		costSubmit: 'money-cost-submit',
		revenueMonth: 'money-revenue-month',
		revenueAmount: 'money-revenue-amount',
		revenueSubmit: 'money-revenue-submit',
		/** The goal's kind <select>: revenueShare or newCustomersPerMonth. */
		goalKind: 'money-goal-kind',
		goalTarget: 'money-goal-target',
		goalMonth: 'money-goal-month',
		goalSubmit: 'money-goal-submit',
		costRow: 'money-cost-row',
		costSaved: 'money-cost-saved',
		revenueForm: 'money-revenue-form',
		revenueSaved: 'money-revenue-saved',
		goalForm: 'money-goal-form',
		whatIf: 'money-what-if',
		whatIfVersion: 'money-what-if-version',
		whatIfRun: 'money-what-if-run',
		whatIfResult: 'money-what-if-result',
		goalSaved: 'money-goal-saved'
	},
	settings: {
		/** "Saved …" after the business profile was saved in Settings. */
		saved: 'settings-saved',
		tillName: 'settings-till-name',
		tillSave: 'settings-till-save',
		/** "Saved." after the till was renamed. */
		tillSaved: 'settings-till-saved',
		tillError: 'settings-till-error'
	},
	/** The message shown beside an input, for a `field` named by an ApiError. */
	fieldError: (field: string) => `error-${field}`,
	formError: 'form-error',
	storeProblem: 'store-problem',
	comingSoon: 'coming-soon'
} as const;
