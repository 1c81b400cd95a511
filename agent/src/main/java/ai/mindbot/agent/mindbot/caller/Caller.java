package ai.mindbot.agent.mindbot.caller;

import ai.mindbot.agent.api.Participant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The person in the call: a signed-in user (billed) or a guest (not billed, capped).
 *
 * @param userId    the auth service's user id, only for {@link Kind#USER}
 * @param firstName what to call them ("John" for "John Doe"); empty when unknown
 * @param email     for the time service's low-balance notice; may be empty
 */
public record Caller(Kind kind, String identity, String userId, String firstName, String email) {

    public enum Kind {
        USER,
        GUEST
    }

    /** The participant attribute the auth service's room tokens carry the user's email in. */
    public static final String EMAIL_ATTRIBUTE = "mindbot.email";

    // The auth service mints user-<decimal id> and guest-<16 hex>; anything else is not ours to bill.
    private static final Pattern USER = Pattern.compile("user-([0-9]{1,19})");
    private static final Pattern GUEST = Pattern.compile("guest-[0-9a-zA-Z_-]{1,64}");

    public Caller {
        firstName = firstName == null ? "" : firstName;
        email = email == null ? "" : email;
    }

    public boolean isGuest() {
        return kind == Kind.GUEST;
    }

    /**
     * Recognises the participant from its identity. Empty for participants the auth service did not
     * mint (another agent, a SIP trunk, a hand-made token): MindBot does not serve or bill them.
     */
    public static Optional<Caller> of(Participant participant) {
        if (participant.isAgent()) {
            return Optional.empty();
        }
        String identity = participant.identity() == null ? "" : participant.identity();
        String name = firstName(participant.name());
        var user = USER.matcher(identity);
        if (user.matches()) {
            // The email attribute comes from the same signed token; if a client rewrote it, the worst
            // case is a low-balance email to the wrong address of the same account's choosing.
            String email = participant.attributes().getOrDefault(EMAIL_ATTRIBUTE, "");
            return Optional.of(new Caller(Kind.USER, identity, user.group(1), name, email));
        }
        if (GUEST.matcher(identity).matches()) {
            return Optional.of(new Caller(Kind.GUEST, identity, null, name, ""));
        }
        return Optional.empty();
    }

    /** "John" from "John Doe", "" from "" or from a generic name a client sends ("guest", "user"). */
    static String firstName(String displayName) {
        if (displayName == null) {
            return "";
        }
        String first = displayName.strip().split("\\s+")[0];
        String lower = first.toLowerCase(Locale.ROOT);
        if (first.isEmpty()
                || lower.equals("guest")
                || lower.equals("user")
                || lower.contains("@")
                || lower.startsWith("user-")
                || lower.startsWith("guest-")) {
            return "";
        }
        return first.length() > 40 ? first.substring(0, 40) : first;
    }
}
