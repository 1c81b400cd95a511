package ai.mindbot.time.balance;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.redis.SharedRedis;
import io.micrometer.core.instrument.MeterRegistry;

/** The balance cache, only with {@code BALANCE_CACHE=redis}, which needs {@code REDIS_URL}. */
@Configuration(proxyBeanMethods = false)
class BalanceCacheConfig {

    @Bean
    @ConditionalOnProperty(name = "mindbot.balance.cache", havingValue = "redis")
    BalanceCache balanceCache(ObjectProvider<SharedRedis> redis, MeterRegistry metrics,
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
}
