package ai.mindbot.admin.reports;

import ai.mindbot.admin.users.UserSummary;
import java.util.List;

/** Everything about one user: profile and figures, time account, and their latest records. */
record UserReport(
        UserSummary user,
        AccountRecord account,
        List<PurchaseRecord> purchases,
        List<SessionRecord> sessions,
        List<LedgerRecord> ledger) {}
