INSERT INTO partners (
    name, name_key, status, category, contact_person, email, phone, address, website, notes,
    fit_audience, fit_synergy, fit_reputation, fit_motivation, created_at, updated_at
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
RETURNING id
