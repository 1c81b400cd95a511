package ai.mindbot.admin.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.web.ApiException;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void coversWholeUtcDaysInclusive() {
        DateRange range = DateRange.parse("2026-01-01", "2026-01-02");
        assertThat(range.startMillis()).isEqualTo(1767225600000L);
        assertThat(range.endMillis()).isEqualTo(1767225600000L + 2 * 86_400_000L);
    }

    @Test
    void refusesDatesThatAreNotRealOrOutOfOrder() {
        for (String[] bad : new String[][] {
            {"2026-02-30", "2026-03-01"}, {"2026-1-1", "2026-01-02"}, {null, "2026-01-01"}, {"2026-01-02", "2026-01-01"}
        }) {
            assertThatThrownBy(() -> DateRange.parse(bad[0], bad[1])).isInstanceOf(ApiException.class);
        }
    }
}
