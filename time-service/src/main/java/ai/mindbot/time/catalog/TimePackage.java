package ai.mindbot.time.catalog;

import ai.mindbot.common.config.MisconfigurationException;
import java.util.regex.Pattern;

/**
 * One time card: how many seconds it adds and what it costs in the smallest currency unit.
 * Validates itself, so a bad catalog stops the service at start instead of charging wrong prices.
 */
public record TimePackage(String id, String name, long seconds, long priceCents, String currency, String description) {

    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");
    /** Stripe refuses charges under 50 cents (USD); a cheaper card could never be paid. */
    static final long MIN_PRICE_CENTS = 50;

    public TimePackage {
        if (id == null || !ID.matcher(id).matches()) {
            throw invalid(id, "id must be 1-64 of a-z, 0-9, _");
        }
        if (name == null || name.isBlank()) {
            throw invalid(id, "name is required");
        }
        if (seconds <= 0) {
            throw invalid(id, "seconds must be positive");
        }
        if (priceCents < MIN_PRICE_CENTS) {
            throw invalid(id, "price_cents must be at least " + MIN_PRICE_CENTS);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw invalid(id, "currency must be a lower-case ISO 4217 code such as usd");
        }
        description = description == null ? "" : description;
    }

    private static MisconfigurationException invalid(String id, String why) {
        return new MisconfigurationException("time package '" + id + "' in mindbot.time.catalog.packages: " + why);
    }
}
