package ai.mindbot.common.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What {@code MINDBOT_ENV=production} refuses in every service, checked while the service starts
 * (before it opens its port): public addresses without TLS ({@link PublicAddresses}). Secrets are
 * checked where they are read ({@code JwtSecret}, each service's LiveKit and Stripe settings).
 */
@AutoConfiguration
public class ProductionChecksAutoConfiguration {

    @Bean
    InitializingBean publicAddressesUseTls(Environment environment) {
        return () -> PublicAddresses.requireTlsInProduction(environment);
    }
}
