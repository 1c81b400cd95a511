package ai.mindbot.time.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecurringJobTest {

    @Test
    void aJobNeedsAStableNameAndAPositivePeriod() {
        assertThatThrownBy(() -> new RecurringJob("Session Sweeper", Duration.ofSeconds(5), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecurringJob("session-sweeper", Duration.ZERO, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RecurringJob("session-sweeper", Duration.ofSeconds(5), () -> 0).name())
                .isEqualTo("session-sweeper");
    }

    @Test
    void runsFirstOnePeriodAfterStartThenOnePeriodAfterEachEnd() {
        Every every = new Every(Duration.ofSeconds(5));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(every.getInitialExecutionTime(start)).isEqualTo(start.plusSeconds(5));
        assertThat(every.getNextExecutionTime(ExecutionComplete.simulatedSuccess(start.plusSeconds(7))))
                .isEqualTo(start.plusSeconds(12));
    }

    @Test
    void refusesSettingsThatWouldHammerTheDatabaseOrNeverNoticeADeadInstance() {
        assertThatThrownBy(() -> new JobSettings(10, 5, 24, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobSettings(1000, 0, 24, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new JobSettings(1000, 5, 24, "").pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }
}
