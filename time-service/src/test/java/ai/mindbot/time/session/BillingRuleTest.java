package ai.mindbot.time.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.time.session.BillingRule.Commit;
import org.junit.jupiter.api.Test;

class BillingRuleTest {

    @Test
    void billsAStartedSecondAsAWholeSecond() {
        Commit commit = BillingRule.commit(0, 60, 10_200);

        assertThat(commit.chargeSeconds()).isEqualTo(11);
        assertThat(commit.paidUntil()).isEqualTo(11_000);
        assertThat(commit.capped()).isFalse();
    }

    @Test
    void carriesTheRoundingSoManyHeartbeatsCostTheSameAsOne() {
        long paidUntil = 0;
        long billed = 0;
        for (long now = 1_300; now <= 61_300; now += 7_300) { // heartbeats at uneven, fractional times
            Commit commit = BillingRule.commit(paidUntil, 60, now);
            billed += commit.chargeSeconds();
            paidUntil = commit.paidUntil();
        }
        Commit end = BillingRule.commit(paidUntil, 60, 62_450);
        billed += end.chargeSeconds();

        assertThat(billed).isEqualTo(63); // ceil(62.45 s), exactly what one commit at the end bills
    }

    @Test
    void billsNothingWithinASecondAlreadyPaid() {
        assertThat(BillingRule.commit(11_000, 60, 10_900).chargeSeconds()).isZero();
        assertThat(BillingRule.commit(11_000, 60, 11_000).chargeSeconds()).isZero();
    }

    @Test
    void aLateCommitBillsAtMostWhatWasHeldAndForgivesTheRest() {
        Commit late = BillingRule.commit(0, 60, 300_000);

        assertThat(late.chargeSeconds()).isEqualTo(60);
        assertThat(late.capped()).isTrue();
        assertThat(late.paidUntil()).isEqualTo(300_000); // the forgiven gap is never billed later
        assertThat(BillingRule.commit(late.paidUntil(), 60, 305_000).chargeSeconds())
                .isEqualTo(5);
    }
}
