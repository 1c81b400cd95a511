package ai.mindbot.admin.reports;

import java.util.List;

import ai.mindbot.admin.users.UserSummary;

/** Everything about one user: profile and figures, time account, and their latest records. */
record UserReport(UserSummary user, AccountRecord account, List<PurchaseRecord> purchases,
        List<SessionRecord> sessions, List<LedgerRecord> ledger) {
}
