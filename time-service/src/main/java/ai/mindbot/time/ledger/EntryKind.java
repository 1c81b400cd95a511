package ai.mindbot.time.ledger;

import java.util.Locale;

/** Why seconds moved. Credits are positive entries, debits negative. */
public enum EntryKind {
    PURCHASE_CREDIT,
    ADMIN_GRANT,
    ADMIN_REVOKE,
    REFUND_DEBIT,
    DISPUTE_DEBIT,
    SESSION_USAGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
