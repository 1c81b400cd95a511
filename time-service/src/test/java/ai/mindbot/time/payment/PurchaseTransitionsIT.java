package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.catalog.Catalog;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.testing.TimeService;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks every pair of purchase statuses against the real database, on SQLite and PostgreSQL: a
 * purchase is put in the first status, the {@link Purchases} update that leads to the second is
 * run, and the row must have moved exactly when {@link PurchaseStatus#mayMoveTo} allows it. A move
 * the table forbids writes nothing at all.
 */
@ParameterizedClass
@MethodSource("ai.mindbot.common.test.TestDatabase#both")
class PurchaseTransitionsIT {

    private static final Set<PurchaseStatus> CREDITED =
            EnumSet.of(PurchaseStatus.SUCCEEDED, PurchaseStatus.REFUNDED, PurchaseStatus.DISPUTED);
    /** An updated_at no real write leaves, so a write of any kind shows. */
    private static final long UNTOUCHED = 1;

    private static final String USER = "u-transitions";

    @Parameter
    TestDatabase database;

    static TimeService time;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        time = TimeService.start(database);
        time.bean(Accounts.class).ensure(USER);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        time.close();
    }

    @Test
    void aPurchaseMovesOnlyAlongTheTransitionTable() {
        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        for (PurchaseStatus from : PurchaseStatus.values()) {
            for (PurchaseStatus to : PurchaseStatus.values()) {
                String id = purchaseIn(from, to);
                moveTo(id, to);
                Row row = row(id);
                boolean may = from.mayMoveTo(to);
                allowed += may ? 1 : 0;
                if (from != to && row.status() != (may ? to : from)) {
                    wrong.add(from + " -> " + to + (may ? " is allowed but" : " is forbidden but") + " left " + row);
                }
                if (!may && to != PurchaseStatus.REVIEW && row.updatedAt() != UNTOUCHED) {
                    wrong.add(from + " -> " + to + " is forbidden but wrote the row: " + row);
                }
                if (!may && to == PurchaseStatus.REVIEW && row.status() != from) {
                    wrong.add(from + " -> review is forbidden but moved the row: " + row);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(allowed).as("the table allows some moves and forbids others").isBetween(1, 99);
    }

    @Test
    void theTableKeepsCreditedPurchasesCreditedAndDisputesFinal() {
        for (PurchaseStatus credited : CREDITED) {
            for (PurchaseStatus uncredited : EnumSet.complementOf(EnumSet.copyOf(CREDITED))) {
                assertThat(credited.mayMoveTo(uncredited))
                        .as(credited + " -> " + uncredited)
                        .isFalse();
            }
        }
        assertThat(PurchaseStatus.sourcesOf(PurchaseStatus.DISPUTED))
                .containsExactlyInAnyOrder(PurchaseStatus.SUCCEEDED, PurchaseStatus.REFUNDED, PurchaseStatus.DISPUTED);
        assertThat(EnumSet.allOf(PurchaseStatus.class))
                .allSatisfy(
                        s -> assertThat(PurchaseStatus.DISPUTED.mayMoveTo(s)).isEqualTo(s == PurchaseStatus.DISPUTED));
    }

    /** The update the payment code makes to bring a purchase to {@code to}. */
    private static void moveTo(String id, PurchaseStatus to) {
        Purchases purchases = time.bean(Purchases.class);
        switch (to) {
            case CREATED -> purchases.claimForRetry(id, Long.MAX_VALUE);
            case UNCONFIRMED -> purchases.markUnconfirmed(id);
            case REQUIRES_PAYMENT_METHOD, REQUIRES_ACTION, PROCESSING -> purchases.markAwaiting(id, to, "pi_secret");
            case FAILED -> purchases.markFailed(id, "card_declined", "declined");
            case SUCCEEDED -> {
                if (!purchases.markSucceeded(id, "pi_" + id, "ch_" + id)) {
                    purchases.recordTakeBack(id, 0, 0, to, "ch_" + id); // a credited one stays succeeded
                }
            }
            case REVIEW -> purchases.markReview(id, "amount_mismatch", "paid another amount");
            case REFUNDED, DISPUTED -> purchases.recordTakeBack(id, 999, 3600, to, "ch_" + id);
        }
    }

    private static String purchaseIn(PurchaseStatus status, PurchaseStatus next) {
        String id = "pur_" + status.dbValue() + "_to_" + next.dbValue();
        time.bean(Purchases.class)
                .create(id, USER, time.bean(Catalog.class).require("starter_1h"), "simulated", id, "hash")
                .orElseThrow();
        time.bean(JdbcClient.class)
                .sql("""
                UPDATE purchases SET status = :status, succeeded_at = :succeeded, updated_at = :untouched
                WHERE id = :id""")
                .param("status", status.dbValue())
                .param("succeeded", CREDITED.contains(status) ? 1000L : null, Types.BIGINT)
                .param("untouched", UNTOUCHED)
                .param("id", id)
                .update();
        return id;
    }

    private record Row(PurchaseStatus status, long updatedAt) {}

    private static Row row(String id) {
        Purchase p = time.bean(Purchases.class).find(id).orElseThrow();
        return new Row(p.status(), p.updatedAt());
    }
}
