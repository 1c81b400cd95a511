package ai.mindbot.admin.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportWindowTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC);

    @Test
    void lastThirtyDaysAreTodayAndTheTwentyNineBefore() {
        ReportWindow window = ReportWindow.lastDays(30, clock);
        assertThat(ReportWindow.date(window.today())).isEqualTo("2026-03-10");
        assertThat(ReportWindow.date(window.firstDay())).isEqualTo("2026-02-09");
        assertThat(window.startMillis())
                .isEqualTo(Instant.parse("2026-02-09T00:00:00Z").toEpochMilli());
    }

    @Test
    void acceptsOneToThreeHundredSixtyFiveDaysOnly() {
        assertThat(ReportWindow.lastDays(1, clock).firstDay())
                .isEqualTo(ReportWindow.lastDays(1, clock).today());
        assertThat(ReportWindow.lastDays(365, clock).days()).isEqualTo(365);
        assertThatThrownBy(() -> ReportWindow.lastDays(0, clock)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ReportWindow.lastDays(366, clock)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ReportWindow.parseDays("")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ReportWindow.parseDays("3.5")).isInstanceOf(ApiException.class);
        assertThat(ReportWindow.parseDays(null)).isEqualTo(30);
    }
}
