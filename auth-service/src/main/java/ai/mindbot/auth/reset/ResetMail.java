package ai.mindbot.auth.reset;

/** Delivers a reset link to the account's owner. */
interface ResetMail {

    void send(String email, String link);

    static String text(String link, long ttlMinutes) {
        return """
                Someone (hopefully you) asked to reset the password of your MindBot account.

                Choose a new password here within %d minutes:
                %s

                If you did not ask for this, ignore this mail: your password stays as it is.
                """.formatted(ttlMinutes, link);
    }
}
