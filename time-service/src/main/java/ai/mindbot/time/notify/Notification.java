package ai.mindbot.time.notify;

/** An outbox row: what to tell whom. {@code email} is null when the user's address is unknown. */
record Notification(long id, String userId, String kind, String email, long balanceSeconds, int attempts) {

    public static final String LOW_BALANCE = "low_balance";
}
