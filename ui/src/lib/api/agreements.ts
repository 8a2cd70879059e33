// Agreements: the terms agreed with each partner, in numbered versions. A draft can change;
// a signed version is frozen, and new terms mean a new version that supersedes it. A what-if
// shows what a version would have changed.

import { call } from './ipc';
import type { AgreementVersion } from './bindings/AgreementVersion';
import type { AgreementVersionId } from './bindings/AgreementVersionId';
import type { ModelGuide } from './bindings/ModelGuide';
import type { OfferKind } from './bindings/OfferKind';
import type { Paper } from './bindings/Paper';
import type { PartnerId } from './bindings/PartnerId';
import type { PartnershipModel } from './bindings/PartnershipModel';
import type { PayoutCadence } from './bindings/PayoutCadence';
import type { PayoutMethod } from './bindings/PayoutMethod';
import type { RewardKind } from './bindings/RewardKind';
import type { Signature } from './bindings/Signature';
import type { SignInput } from './bindings/SignInput';
import type { TermsInput } from './bindings/TermsInput';
import type { TermsPreview } from './bindings/TermsPreview';
import type { VersionStatus } from './bindings/VersionStatus';
import type { WhatIf } from './bindings/WhatIf';

export type {
	AgreementVersion,
	AgreementVersionId,
	ModelGuide,
	OfferKind,
	Paper,
	PartnershipModel,
	PayoutCadence,
	PayoutMethod,
	RewardKind,
	Signature,
	SignInput,
	TermsInput,
	TermsPreview,
	VersionStatus,
	WhatIf
};

/**
 * The partnership models in the order the terms editor lists them, each with the range such
 * partnerships usually agree on, in the core's words: a guide shown beside the terms.
 */
export function models(): Promise<ModelGuide[]> {
	return call<ModelGuide[]>('partnership_models');
}

/** Every version of a partner's agreement, newest first. */
export function versions(partnerId: PartnerId): Promise<AgreementVersion[]> {
	return call<AgreementVersion[]>('list_agreement_versions', { partnerId });
}

/** The signed version in force today, or null when there is none. */
export function inForce(partnerId: PartnerId): Promise<AgreementVersion | null> {
	return call<AgreementVersion | null>('agreement_in_force', { partnerId });
}

/** The terms in words as they are typed; saves nothing, rejects on the first bad field. */
export function preview(terms: TermsInput): Promise<TermsPreview> {
	return call<TermsPreview>('preview_terms', { terms });
}

/** A blank draft starting today; rejects with `draft_exists` when the partner has one. */
export function startDraft(partnerId: PartnerId): Promise<AgreementVersion> {
	return call<AgreementVersion>('create_agreement_draft', { partnerId });
}

/** A draft copying the signed version `from`, to be changed and signed as the next version. */
export function newVersion(from: AgreementVersionId): Promise<AgreementVersion> {
	return call<AgreementVersion>('new_agreement_version', { from });
}

/** Replaces a draft's terms. */
export function updateDraft(id: AgreementVersionId, terms: TermsInput): Promise<AgreementVersion> {
	return call<AgreementVersion>('update_agreement_draft', { id, terms });
}

/** Deletes a draft; signed versions are never deleted. */
export function deleteDraft(id: AgreementVersionId): Promise<void> {
	return call<null>('delete_agreement_draft', { id }).then(() => undefined);
}

/** Signs a draft, which supersedes the partner's signed version. */
export function sign(id: AgreementVersionId, signature: SignInput): Promise<AgreementVersion> {
	return call<AgreementVersion>('sign_agreement', { id, signature });
}

/**
 * Renders the agreement as a PDF on `paper` (null: the shop locale's usual size), asks where
 * to save it and opens it. Resolves with the saved path, or null when the save was cancelled.
 */
export function print(id: AgreementVersionId, paper: Paper | null = null): Promise<string | null> {
	return call<string | null>('print_agreement', { id, paper });
}

/**
 * The partner's last `months` months recomputed under agreement version `version` (a
 * draft, say): commission and discount then versus as logged. Changes nothing.
 */
export function whatIf(
	partnerId: PartnerId,
	version: AgreementVersionId,
	months: number
): Promise<WhatIf> {
	return call<WhatIf>('what_if', { partnerId, version, months });
}
