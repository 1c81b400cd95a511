package ai.mindbot.time.notify;

/** Where notices go out: email when SMTP is configured, the log otherwise. */
interface NotificationChannel {

    /** Sends it, or throws so the outbox tries again later. */
    void send(Notification notification) throws Exception;

    String name();

    /** The words of a low-balance notice, the same on every channel. */
    static String lowBalanceText(Notification n) {
        long minutes = n.balanceSeconds() / 60;
        return "You have about " + minutes + " minute" + (minutes == 1 ? "" : "s")
                + " of MindBot conversation time left. Buy a time card to keep talking without interruption.";
    }
}
