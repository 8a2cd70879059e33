UPDATE partners
SET name = $2,
    name_key = $3,
    category = $4,
    contact_person = $5,
    email = $6,
    phone = $7,
    address = $8,
    website = $9,
    notes = $10,
    fit_audience = $11,
    fit_synergy = $12,
    fit_reputation = $13,
    fit_motivation = $14,
    updated_at = $15
WHERE id = $1
