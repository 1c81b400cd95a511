package ai.mindbot.admin.reports;

import org.springframework.jdbc.core.RowMapper;

/** One ledger entry ({@code time_report_ledger_v1}): signed seconds, what caused it, who did it, and the balance it left. */
record LedgerRecord(
        long id,
        String kind,
        long seconds,
        String causeType,
        String causeId,
        Long correctsEntryId,
        long balanceAfter,
        String actor,
        String note,
        long createdAt) {

    static final RowMapper<LedgerRecord> MAPPER = (rs, n) -> new LedgerRecord(
            rs.getLong("id"),
            rs.getString("kind"),
            rs.getLong("seconds"),
            rs.getString("cause_type"),
            rs.getString("cause_id"),
            rs.getObject("corrects_entry_id") == null ? null : rs.getLong("corrects_entry_id"),
            rs.getLong("balance_after"),
            rs.getString("actor"),
            rs.getString("note"),
            rs.getLong("created_at"));
}
