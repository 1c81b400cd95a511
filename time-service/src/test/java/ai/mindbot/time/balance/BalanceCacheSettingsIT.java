package ai.mindbot.time.balance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RefusedStart;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.testing.TimeService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code BALANCE_CACHE} without a Redis to use (no redis-server needed). */
class BalanceCacheSettingsIT {

    @Test
    void refusesToStartACacheWithoutRedisUrl() {
        assertThat(rootCauseOfStarting(Map.of("BALANCE_CACHE", "redis", "REDIS_URL", "")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("REDIS_URL");
    }

    @Test
    void refusesAnUnknownCacheMode() {
        assertThat(rootCauseOfStarting(Map.of("BALANCE_CACHE", "memcached")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("BALANCE_CACHE");
    }

    @Test
    void redisUrlAloneTurnsTheCacheOnAndWithNothingAnsweringThereBalancesStillWork() {
        try (TimeService time =
                TimeService.start(TestDatabase.SQLITE, Map.of("REDIS_URL", "redis://127.0.0.1:" + FreePort.pick()))) {
            assertThat(time.balance("401")).isZero();
            Http.Response bought = time.purchase("401", "starter_1h", "pm_card_visa");
            assertThat(bought.status()).as(bought.body()).isEqualTo(200);
            assertThat(time.balance("401")).isEqualTo(3600);
            assertThat(time.http.get("/metrics").body())
                    .contains("mindbot_balance_cache_total{result=\"unavailable\"}");
        }
    }

    @Test
    void offKeepsReadsOnTheDatabaseEvenWithRedisUrl() {
        try (TimeService time = TimeService.start(
                TestDatabase.SQLITE,
                Map.of("BALANCE_CACHE", "off", "REDIS_URL", "redis://127.0.0.1:" + FreePort.pick()))) {
            assertThat(time.balance("402")).isZero();
            assertThat(time.http.get("/metrics").body()).doesNotContain("mindbot_balance_cache_total");
        }
    }

    private static Throwable rootCauseOfStarting(Map<String, String> properties) {
        return RefusedStart.reason(
                () -> TimeService.start(TestDatabase.SQLITE, properties).close());
    }
}
