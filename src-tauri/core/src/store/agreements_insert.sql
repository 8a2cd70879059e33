INSERT INTO agreement_versions (
    partner_id, version, status, based_on, currency, model, effective_from, effective_to,
    offer_kind, offer_percent_bp, offer_amount_minor, offer_item, min_sale_minor,
    reward_kind, reward_percent_bp, reward_amount_minor, reward_on_gross, monthly_cap_minor,
    payout_cadence, payout_method, payout_method_other, clauses_json, notes, reciprocal,
    daily_limit, new_customers_only,
    signed_on, our_signatory, partner_signatory, created_at, updated_at
)
VALUES (
    $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
    $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $30
)
RETURNING id
