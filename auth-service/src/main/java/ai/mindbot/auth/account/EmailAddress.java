package ai.mindbot.auth.account;

import java.util.Locale;

/**
 * How emails are compared everywhere: trimmed and lower-cased, so {@code " John@Example.COM"} and
 * {@code "john@example.com"} are one account (and one rate-limit counter, and one admin entry).
 */
public final class EmailAddress {

    /** Something@something.tld with no spaces; the final word belongs to the mail that confirms it. */
    public static final String PATTERN = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
