package ai.mindbot.time.balance;

import ai.mindbot.common.config.ConfigValues;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.redis.SharedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The balance cache: on with {@code BALANCE_CACHE=redis} (which needs {@code REDIS_URL}), and by
 * default whenever {@code REDIS_URL} is set; {@code BALANCE_CACHE=off} keeps reads on the database.
 */
@Configuration(proxyBeanMethods = false)
class BalanceCacheConfig {

    @Bean
    @Conditional(CacheWanted.class)
    BalanceCache balanceCache(
            ObjectProvider<SharedRedis> redis,
            MeterRegistry metrics,
            @Value("${mindbot.balance.cache-ttl:30s}") Duration ttl) {
        SharedRedis shared = redis.getIfAvailable();
        if (shared == null) {
            throw new MisconfigurationException("BALANCE_CACHE=redis needs REDIS_URL (redis://host:6379)");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new MisconfigurationException("BALANCE_CACHE_TTL_SECONDS must be positive");
        }
        return new BalanceCache(shared, ttl, metrics);
    }

    static class CacheWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConfigValues config = ConfigValues.of(context.getEnvironment());
            String mode = config.text("mindbot.balance.cache", "");
            return mode.equals("redis") || (mode.isEmpty() && config.isSet("REDIS_URL"));
        }
    }
}
