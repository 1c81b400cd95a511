package ai.mindbot.time.payment;

import ai.mindbot.common.config.ConfigValues;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.config.RuntimeMode;
import org.springframework.core.env.Environment;

/**
 * Payment configuration from the seed's variables. Without {@code STRIPE_SECRET_KEY} payments are
 * simulated, which production refuses, as it refuses a missing {@code STRIPE_WEBHOOK_SECRET}.
 * {@code STRIPE_API_BASE} points the Stripe client elsewhere (stripe-mock in tests).
 */
record PaymentSettings(String secretKey, String publishableKey, String configuredWebhookSecret, String apiBase) {

    public static PaymentSettings from(Environment environment) {
        ConfigValues config = ConfigValues.of(environment);
        PaymentSettings settings = new PaymentSettings(
                config.text("STRIPE_SECRET_KEY", null),
                config.text("STRIPE_PUBLISHABLE_KEY", null),
                config.text("STRIPE_WEBHOOK_SECRET", null),
                config.text("STRIPE_API_BASE", null));
        if (RuntimeMode.of(environment).isProduction()) {
            if (settings.simulated()) {
                throw new MisconfigurationException(
                        "STRIPE_SECRET_KEY is required in production (MINDBOT_ENV=production): payments cannot be simulated");
            }
            if (settings.configuredWebhookSecret() == null) {
                throw new MisconfigurationException("STRIPE_WEBHOOK_SECRET (whsec_...) is required in production "
                        + "(MINDBOT_ENV=production): Stripe's webhooks could not be verified");
            }
        }
        return settings;
    }

    public boolean simulated() {
        return secretKey == null;
    }

    public String mode() {
        return simulated() ? "simulated" : "stripe";
    }
}
