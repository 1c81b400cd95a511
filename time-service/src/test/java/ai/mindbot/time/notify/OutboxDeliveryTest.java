package ai.mindbot.time.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxDeliveryTest {

    @Test
    void backsOffFromTenSecondsDoublingUpToAnHour() {
        assertThat(OutboxDelivery.backoffMillis(1)).isEqualTo(10_000);
        assertThat(OutboxDelivery.backoffMillis(2)).isEqualTo(20_000);
        assertThat(OutboxDelivery.backoffMillis(5)).isEqualTo(160_000);
        assertThat(OutboxDelivery.backoffMillis(10)).isEqualTo(3_600_000);
        assertThat(OutboxDelivery.backoffMillis(1_000)).isEqualTo(3_600_000);
    }

    @Test
    void saysHowMuchTimeIsLeftInWholeMinutes() {
        assertThat(NotificationChannel.lowBalanceText(new Notification(1, "u", Notification.LOW_BALANCE, null, 899, 0)))
                .startsWith("You have about 14 minutes of MindBot conversation time left.");
        assertThat(NotificationChannel.lowBalanceText(new Notification(1, "u", Notification.LOW_BALANCE, null, 61, 0)))
                .startsWith("You have about 1 minute of");
    }
}
