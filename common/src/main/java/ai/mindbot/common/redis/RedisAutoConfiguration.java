package ai.mindbot.common.redis;

import ai.mindbot.common.config.ConfigValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A {@link SharedRedis} when {@code REDIS_URL} is set (not blank); nothing otherwise. Commands
 * time out after {@code REDIS_TIMEOUT_MILLIS} (500 by default). {@code mindbot_redis_up} (1 or 0)
 * shows on {@code /metrics} whether the last command got an answer.
 */
@AutoConfiguration
@Conditional(RedisAutoConfiguration.RedisUrlSet.class)
public class RedisAutoConfiguration {

    @Bean(destroyMethod = "close")
    SharedRedis sharedRedis(Environment environment) {
        ConfigValues config = ConfigValues.of(environment);
        return SharedRedis.of(
                config.text("REDIS_URL").orElseThrow(), Duration.ofMillis(config.number("REDIS_TIMEOUT_MILLIS", 500L)));
    }

    @Bean
    MeterBinder redisUpGauge(SharedRedis redis) {
        return registry -> Gauge.builder("mindbot.redis.up", redis, r -> r.up() ? 1 : 0)
                .description("1 while the last Redis command got an answer")
                .register(registry);
    }

    static class RedisUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return ConfigValues.of(context.getEnvironment()).isSet("REDIS_URL");
        }
    }
}
