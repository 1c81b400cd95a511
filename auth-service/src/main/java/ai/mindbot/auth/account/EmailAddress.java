package ai.mindbot.auth.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How emails are compared everywhere: trimmed, Unicode-normalized (NFKC) and lower-cased, so
 * {@code " John@Example.COM"} and {@code "john@example.com"} are one account (and one rate-limit
 * counter, and one admin entry), and so are the composed and decomposed spellings of {@code é}.
 */
public final class EmailAddress {

    /**
     * What an address a person would type looks like, and what is safe where addresses go (mail
     * headers, the admin panel, CSV): a local part without spaces, control or invisible format
     * characters (NUL, BEL, DEL, U+202E right-to-left override...) or the characters that delimit
     * addresses in a header; a domain of letter-or-digit labels joined by dots, the last one letters
     * (or a punycode {@code xn--} label). The final word belongs to the mail that confirms it.
     */
    public static final String PATTERN = "^[^@\\p{C}\\p{Z}\\s<>()\\[\\]\\\\,;:\"]{1,64}"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+(?:\\p{L}{2,63}|xn--[a-z0-9-]{1,59})$";

    public static final int MAX_LENGTH = 254;

    private EmailAddress() {}

    public static String normalize(String email) {
        return email == null
                ? null
                : Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
