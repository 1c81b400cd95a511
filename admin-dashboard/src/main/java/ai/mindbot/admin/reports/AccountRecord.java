package ai.mindbot.admin.reports;

/** The time side of a user: stored balance, live reservations, and whether sessions are blocked. */
record AccountRecord(
        long balanceSeconds,
        long reservedSeconds,
        long availableSeconds,
        boolean disabled,
        boolean flagged,
        String flagReason) {

    /** A user the time service has not seen yet. */
    public static final AccountRecord NONE = new AccountRecord(0, 0, 0, false, false, null);
}
