-- Revenue per closed UTC day (day = epoch day of the purchase's created_at), package and currency,
-- from paid purchases (succeeded_at set). A closed day changes only when one of its purchases is
-- updated (a late success, a refund), which the time service records in purchases.updated_at; such
-- days are recomputed. Used on PostgreSQL; SQLite deployments read purchases directly.
CREATE TABLE admin_revenue_daily (
    day                   BIGINT NOT NULL,
    package_id            TEXT   NOT NULL,
    currency              TEXT   NOT NULL,
    transactions          BIGINT NOT NULL,
    gross_cents           BIGINT NOT NULL,
    refunded_cents        BIGINT NOT NULL,
    refunded_transactions BIGINT NOT NULL,
    seconds               BIGINT NOT NULL,
    PRIMARY KEY (day, package_id, currency)
);

-- Which closed days admin_revenue_daily holds (a day without purchases has no rows there).
CREATE TABLE admin_revenue_days (
    day          BIGINT PRIMARY KEY,
    computed_at  BIGINT NOT NULL
);
