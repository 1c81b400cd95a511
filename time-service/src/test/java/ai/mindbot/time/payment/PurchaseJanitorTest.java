package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PurchaseJanitorTest {

    @Test
    void asksAgainAfterAMinuteThenDoublingUpToSixHours() {
        assertThat(PurchaseJanitor.backoffMillis(1)).isEqualTo(60_000);
        assertThat(PurchaseJanitor.backoffMillis(2)).isEqualTo(120_000);
        assertThat(PurchaseJanitor.backoffMillis(5)).isEqualTo(16 * 60_000);
        assertThat(PurchaseJanitor.backoffMillis(9)).isEqualTo(256 * 60_000);
        assertThat(PurchaseJanitor.backoffMillis(10)).isEqualTo(6 * 3_600_000L);
        assertThat(PurchaseJanitor.backoffMillis(1_000)).isEqualTo(6 * 3_600_000L);
    }

    @Test
    void leavesPurchasesWhoseProviderCallMayStillRunAlone() {
        assertThatThrownBy(() -> new JanitorSettings(60, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PURCHASE_STUCK_SECONDS");
        assertThatThrownBy(() -> new JanitorSettings(0, 600)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new JanitorSettings(60, 120).stuckAfter().toSeconds()).isEqualTo(120);
    }
}
