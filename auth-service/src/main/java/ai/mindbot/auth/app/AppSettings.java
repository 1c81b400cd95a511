package ai.mindbot.auth.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code STRIPE_PUBLISHABLE_KEY}: set, the app takes cards with Stripe Elements; empty, it offers the
 * payment simulator's test cards. {@code GUEST_MAX_SECONDS}: how long a guest may talk before the
 * app hangs up and asks them to sign up.
 */
@ConfigurationProperties("mindbot.app")
public record AppSettings(String stripePublishableKey, int guestCallSeconds) {

    public AppSettings {
        stripePublishableKey = stripePublishableKey == null ? "" : stripePublishableKey.strip();
        if (!stripePublishableKey.isEmpty() && !stripePublishableKey.startsWith("pk_")) {
            throw new IllegalArgumentException(
                    "STRIPE_PUBLISHABLE_KEY must be a publishable key (pk_...), never a secret key");
        }
        if (guestCallSeconds <= 0) {
            throw new IllegalArgumentException("GUEST_MAX_SECONDS must be positive");
        }
    }

    public boolean stripe() {
        return !stripePublishableKey.isEmpty();
    }
}
