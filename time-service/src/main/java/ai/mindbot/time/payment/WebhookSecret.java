package ai.mindbot.time.payment;

import ai.mindbot.common.config.DevelopmentSecretFile;
import java.nio.file.Path;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code whsec_...} secret Stripe-Signature is checked with: {@code STRIPE_WEBHOOK_SECRET}, or
 * in development one generated once into {@code <MINDBOT_DATA_DIR>/stripe-webhook-secret} (mode
 * 0600), so simulated 3-D Secure payments can be completed with a webhook signed by it. The value
 * is never logged, only where it is.
 */
public record WebhookSecret(String value, Path generatedFile) {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecret.class);

    @Override
    public String toString() {
        return "WebhookSecret[" + (generatedFile == null ? "configured" : generatedFile) + "]";
    }

    static WebhookSecret resolve(PaymentSettings settings, Path dataDirectory) {
        if (settings.configuredWebhookSecret() != null) {
            return new WebhookSecret(settings.configuredWebhookSecret(), null);
        }
        Path file = dataDirectory.resolve("stripe-webhook-secret").toAbsolutePath();
        String value = DevelopmentSecretFile.readOrCreate(
                        file, random -> "whsec_" + HexFormat.of().formatHex(random))
                .value();
        log.warn(
                "DEVELOPMENT MODE: Stripe webhooks are verified with a generated secret kept in {}; "
                        + "set STRIPE_WEBHOOK_SECRET (e.g. the one `stripe listen` prints) to use your own",
                file);
        return new WebhookSecret(value, file);
    }
}
