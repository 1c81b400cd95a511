package ai.mindbot.time.payment;

import ai.mindbot.time.ledger.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One provider customer per user, kept in {@code accounts.stripe_customer_id}. Created on the first
 * purchase with an idempotency key derived from the user id, stored only if none is stored yet, so
 * two first purchases racing end up with the same customer.
 */
@Component
class StripeCustomers {

    static final String SIMULATED_PREFIX = "cus_sim_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PaymentProvider provider;

    StripeCustomers(JdbcClient jdbc, Accounts accounts, PaymentProvider provider) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.provider = provider;
    }

    String customerFor(String userId, String email) {
        accounts.ensure(userId);
        String known = stored(userId);
        // A simulator's customer means nothing to Stripe: replace it once a real key is configured.
        if (known != null && (provider.simulated() || !known.startsWith(SIMULATED_PREFIX))) {
            return known;
        }
        String created = provider.createCustomer(userId, email, "mindbot-customer-" + userId);
        accounts.storeStripeCustomer(userId, created, SIMULATED_PREFIX);
        return stored(userId);
    }

    /** The customer stored for the user, without creating one; null when none was ever stored. */
    String stored(String userId) {
        return jdbc.sql("SELECT stripe_customer_id FROM accounts WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
