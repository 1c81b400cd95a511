package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class PaymentSettingsTest {

    /** Choosing the provider touches no database (the simulator writes only when it is paid). */
    static final JdbcClient NO_DATABASE = null;

    @Test
    void saysPlainlyAtStartThatPaymentsAreSimulated(CapturedOutput output) {
        PaymentProvider provider = new PaymentConfig()
                .paymentProvider(PaymentSettings.from(new MockEnvironment()), NO_DATABASE, Clock.systemUTC());

        assertThat(provider.simulated()).isTrue();
        assertThat(output.getOut()).contains("PAYMENTS ARE SIMULATED").contains("no money moves");
    }

    @Test
    void aStripeKeyNeverReachesTheLog(CapturedOutput output) {
        PaymentProvider provider = new PaymentConfig()
                .paymentProvider(
                        PaymentSettings.from(
                                new MockEnvironment().withProperty("STRIPE_SECRET_KEY", "sk_test_secret_value_123")),
                        NO_DATABASE,
                        Clock.systemUTC());

        assertThat(provider.name()).isEqualTo("stripe");
        assertThat(output.getOut()).contains("payments: Stripe (test key").doesNotContain("sk_test_secret_value_123");
    }

    @Test
    void withoutAStripeKeyPaymentsAreSimulated() {
        PaymentSettings settings = PaymentSettings.from(new MockEnvironment());

        assertThat(settings.simulated()).isTrue();
        assertThat(settings.mode()).isEqualTo("simulated");
    }

    @Test
    void productionRefusesToSimulatePayments() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("MINDBOT_ENV", "production")
                .withProperty("STRIPE_WEBHOOK_SECRET", "whsec_x");

        assertThatThrownBy(() -> PaymentSettings.from(production))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("STRIPE_SECRET_KEY");
    }

    @Test
    void productionRefusesUnverifiableWebhooks() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("MINDBOT_ENV", "production")
                .withProperty("STRIPE_SECRET_KEY", "sk_live_x");

        assertThatThrownBy(() -> PaymentSettings.from(production))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void developmentGeneratesTheWebhookSecretOnceOwnerOnly(@TempDir Path dataDir) throws Exception {
        PaymentSettings settings = PaymentSettings.from(new MockEnvironment());

        WebhookSecret first = WebhookSecret.resolve(settings, dataDir);
        WebhookSecret second = WebhookSecret.resolve(settings, dataDir);

        Path file = dataDir.resolve("stripe-webhook-secret");
        assertThat(first.value()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(Files.readString(file).strip()).isEqualTo(first.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.toString()).doesNotContain(first.value());
    }

    @Test
    void aConfiguredWebhookSecretWins(@TempDir Path dataDir) {
        PaymentSettings settings =
                PaymentSettings.from(new MockEnvironment().withProperty("STRIPE_WEBHOOK_SECRET", "whsec_configured"));

        assertThat(WebhookSecret.resolve(settings, dataDir).value()).isEqualTo("whsec_configured");
        assertThat(dataDir.resolve("stripe-webhook-secret")).doesNotExist();
    }
}
