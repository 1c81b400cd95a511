package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurchaseTest {

    static Purchase bought(long seconds, long cents) {
        return new Purchase(
                "pur_1",
                "1",
                "basic_5h",
                seconds,
                cents,
                "usd",
                PurchaseStatus.SUCCEEDED,
                "stripe",
                "pi_1",
                null,
                "h",
                null,
                0,
                0,
                null,
                null,
                null,
                null,
                0,
                0,
                1L);
    }

    @Test
    void aRefundTakesBackItsShareRoundedDownAndAFullRefundTakesAll() {
        Purchase purchase = bought(18000, 3999);

        assertThat(purchase.secondsForRefund(0)).isZero();
        assertThat(purchase.secondsForRefund(1000)).isEqualTo(4501); // 18000 * 1000 / 3999 = 4501.1
        assertThat(purchase.secondsForRefund(3999)).isEqualTo(18000);
        assertThat(purchase.secondsForRefund(5000)).isEqualTo(18000);
    }

    @Test
    void partialRefundsAddUpToTheWholeCard() {
        Purchase purchase = bought(3600, 999);
        long taken = 0;
        long refunded = 0;
        for (long part : new long[] {1, 333, 100, 565}) {
            refunded += part;
            long target = purchase.secondsForRefund(refunded);
            taken += target - taken;
        }
        assertThat(refunded).isEqualTo(999);
        assertThat(taken).isEqualTo(3600);
    }
}
