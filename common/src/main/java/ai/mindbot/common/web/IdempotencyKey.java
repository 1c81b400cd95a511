package ai.mindbot.common.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} a client sends so a retried POST does what the first did, once. One
 * rule for every service that takes it: 1 to 255 visible ASCII characters (a UUID is a good
 * choice). No header means no key; a header that is present but empty, too long or holds spaces or
 * non-ASCII is refused with the same 400 {@code invalid_idempotency_key} problem everywhere, so a
 * client that gets one service's rule right gets them all right.
 */
public record IdempotencyKey(String value) {

    /** The header's name. */
    public static final String HEADER = "Idempotency-Key";

    /** The longest key taken: Stripe's own limit, so a key can be passed on unchanged. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (value == null || !VISIBLE_ASCII.matcher(value).matches()) {
            throw invalid();
        }
    }

    /** The key a request carries: none when the header is absent, a 400 problem when it breaks the rule. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }

    /** The refusal every service answers for a key that breaks the rule. */
    public static ApiException invalid() {
        return ApiException.badRequest(
                "invalid_idempotency_key",
                HEADER + " must be 1-" + MAX_LENGTH + " visible ASCII characters (a UUID is a good choice)");
    }

    @Override
    public String toString() {
        return value;
    }
}
