package ai.mindbot.admin.api;

import ai.mindbot.admin.support.Business;

/**
 * A small business with known figures, laid out around "now" so windows of 1 and 30 days differ:
 * three users, paid/refunded/failed purchases and ended/live sessions inside and outside 30 days.
 */
final class BusinessFixture {

    static final long DAY = Business.DAY;

    final long now = System.currentTimeMillis();
    final long today = Math.floorDiv(now, DAY);
    final String ada;
    final String bob;
    final String cy;
    final String adaRefundedPurchase;
    final String bobLiveSession;

    BusinessFixture(Business b) {
        ada = b.user("ada@example.com", "Ada Lovelace", now - 40 * DAY);
        bob = b.user("bob@example.com", "Bob Builder", now - 10 * DAY);
        cy = b.user("cy@example.com", "Cy Young", now - 5 * DAY);
        b.account(ada, 7200, 0, now - 40 * DAY);
        b.account(bob, 600, 300, now - 10 * DAY);
        b.account(cy, 0, 0, now - 5 * DAY);

        b.paidPurchase(ada, "basic_5h", 18000, 3999, 0, noon(today - 40)); // outside 30 days
        b.paidPurchase(ada, "starter_1h", 3600, 999, 0, noon(today - 2));
        adaRefundedPurchase = b.paidPurchase(ada, "basic_5h", 18000, 3999, 1000, noon(today - 1));
        b.paidPurchase(bob, "starter_1h", 3600, 999, 0, now - 1000);
        b.failedPurchase(cy, "starter_1h", 3600, 999, now - 2000);

        b.endedSession(ada, noon(today - 50), 1000); // outside 30 days
        b.endedSession(ada, noon(today - 3), 1800);
        b.endedSession(ada, noon(today - 1), 600);
        b.endedSession(bob, now - 1000, 60);
        bobLiveSession = b.liveSession(bob, now - 500, 30);

        b.ledger(ada, "purchase_credit", 3600, 3600, "pi_a1", noon(today - 2));
        b.ledger(ada, "session_usage", -600, 3000, "s_a1", noon(today - 1) + 600_000);
    }

    /** Expected 30-day revenue: 999 + 3999 + 999 gross, 1000 refunded. */
    static final long GROSS_30 = 999 + 3999 + 999;

    static final long REFUNDED_30 = 1000;
    static final long NET_30 = GROSS_30 - REFUNDED_30;

    static long noon(long epochDay) {
        return epochDay * DAY + DAY / 2;
    }
}
