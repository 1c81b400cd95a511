package ai.mindbot.time.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
        String value = readOrGenerate(file);
        log.warn("DEVELOPMENT MODE: Stripe webhooks are verified with a generated secret kept in {}; "
                + "set STRIPE_WEBHOOK_SECRET (e.g. the one `stripe listen` prints) to use your own", file);
        return new WebhookSecret(value, file);
    }

    private static synchronized String readOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), "stripe-webhook-secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file keeps the directory's permissions
                }
                Files.writeString(tmp, "whsec_" + HexFormat.of().formatHex(random));
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp); // another instance generated it first: use theirs
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development Stripe webhook secret at " + file, e);
        }
    }
}
