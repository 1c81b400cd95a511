package ai.mindbot.agent.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void reportsPercentilesInWholeMilliseconds() {
        LatencyStats stats = new LatencyStats();
        for (int ms = 1; ms <= 100; ms++) {
            stats.record(ms * 1_000_000L);
        }

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.percentileMillis(0.5)).isEqualTo(50);
        assertThat(stats.percentileMillis(0.95)).isEqualTo(95);
        assertThat(stats.percentileMillis(1.0)).isEqualTo(100);
    }

    @Test
    void hasNoPercentileBeforeAnySample() {
        assertThat(new LatencyStats().percentileMillis(0.5)).isEqualTo(-1);
    }
}
