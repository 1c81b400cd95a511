package ai.mindbot.agent.mindbot.metering;

/**
 * The call's time as the tools report it, read at one instant from any thread.
 *
 * @param metered      a time service session is live (false for guests, before the start, after the end)
 * @param guest        the caller is a guest
 * @param secondsTalked this call's time so far (for a user: since the session started)
 * @param secondsLeft  what the caller can still talk: the last figure the time service gave less the
 *                     time since (for a guest: until the cap); -1 when not known
 * @param lowBalance   under the low-balance line at the last reading
 */
public record Reading(boolean metered, boolean guest, long secondsTalked, long secondsLeft, boolean lowBalance) {

    public static final Reading UNKNOWN = new Reading(false, false, 0, -1, false);
}
