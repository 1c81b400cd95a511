-- Payments: what a purchase has already given back (refunds, disputes), the charge Stripe's
-- charge and dispute events name, and the first answer an Idempotency-Key replays.
ALTER TABLE purchases ADD COLUMN taken_back_seconds BIGINT NOT NULL DEFAULT 0 CHECK (taken_back_seconds >= 0);
ALTER TABLE purchases ADD COLUMN charge_id TEXT;
ALTER TABLE purchases ADD COLUMN response_body TEXT;
CREATE INDEX purchases_charge ON purchases (charge_id);

-- Why an admin disabled the account (the admin dashboard keeps the full audit trail).
ALTER TABLE accounts ADD COLUMN disabled_reason TEXT;
