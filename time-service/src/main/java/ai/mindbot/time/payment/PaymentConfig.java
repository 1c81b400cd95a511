package ai.mindbot.time.payment;

import ai.mindbot.common.config.DataDirectory;
import ai.mindbot.time.jobs.RecurringJob;
import ai.mindbot.time.payment.simulator.SimulatedPaymentProvider;
import ai.mindbot.time.payment.stripe.StripePaymentProvider;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses the payment provider (Stripe or the simulator), says plainly which one runs, schedules the janitor. */
@Configuration
@EnableConfigurationProperties(JanitorSettings.class)
class PaymentConfig {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfig.class);

    @Bean
    PaymentSettings paymentSettings(Environment environment) {
        return PaymentSettings.from(environment);
    }

    @Bean
    WebhookSecret webhookSecret(PaymentSettings settings, Environment environment) {
        return WebhookSecret.resolve(settings, DataDirectory.of(environment));
    }

    @Bean
    PaymentProvider paymentProvider(PaymentSettings settings, JdbcClient jdbc, Clock clock) {
        if (settings.simulated()) {
            log.warn("PAYMENTS ARE SIMULATED: STRIPE_SECRET_KEY is not set, so no card is charged and no money moves. "
                    + "Stripe's test payment methods work (pm_card_visa succeeds, pm_card_chargeDeclined declines, "
                    + "pm_card_authenticationRequired needs a signed payment_intent.succeeded webhook).");
            return new SimulatedPaymentProvider(jdbc, clock);
        }
        log.info(
                "payments: Stripe ({} key{})",
                settings.secretKey().startsWith("sk_live_") ? "live" : "test",
                settings.apiBase() == null ? "" : ", API base " + settings.apiBase());
        return StripePaymentProvider.of(settings.secretKey(), settings.apiBase());
    }

    @Bean
    RecurringJob purchaseJanitorJob(PurchaseJanitor janitor, JanitorSettings settings) {
        return new RecurringJob("purchase-janitor", settings.period(), janitor::settleStuck);
    }

    /** The {@code payments} component of /health: {@code simulated} or {@code stripe}. */
    @Bean
    HealthIndicator paymentsHealthIndicator(PaymentSettings settings) {
        Health health = Health.up()
                .withDetail("mode", settings.mode())
                .withDetail("simulated", settings.simulated())
                .build();
        return () -> health;
    }
}
