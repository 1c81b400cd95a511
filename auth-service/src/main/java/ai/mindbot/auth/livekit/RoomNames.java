package ai.mindbot.auth.livekit;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Room names and identities. A user's identity {@code user-<id>} is the same in every token they get;
 * {@code mindbot-<id>} is their personal room, which nobody else may join.
 */
public final class RoomNames {

    /** Letters, digits, {@code _ . -}; starts with a letter or digit. LiveKit allows more; nothing needs more. */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$";

    public static final int MAX_LENGTH = 128;
    static final String PERSONAL_PREFIX = "mindbot-";
    static final String GUEST_PREFIX = "guest-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomNames() {}

    public static String identityOf(long userId) {
        return "user-" + userId;
    }

    public static String personalRoomOf(long userId) {
        return PERSONAL_PREFIX + userId;
    }

    /** True when the room is someone's personal room, or reserved for guests, and not this user's own. */
    static boolean reservedFor(String room, long userId) {
        if (room.startsWith(GUEST_PREFIX)) {
            return true;
        }
        return room.startsWith(PERSONAL_PREFIX) && !room.equals(personalRoomOf(userId));
    }

    static String newGuestIdentity() {
        return GUEST_PREFIX + random();
    }

    static String newGuestRoom() {
        return GUEST_PREFIX + random();
    }

    private static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
