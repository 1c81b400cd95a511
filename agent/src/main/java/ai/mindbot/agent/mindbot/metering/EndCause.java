package ai.mindbot.agent.mindbot.metering;

/** Why a call ends on MindBot's side (the caller leaving needs no words). */
public enum EndCause {
    /** The balance ran out. */
    BALANCE_EXHAUSTED,
    /** A guest reached GUEST_MAX_SECONDS. */
    GUEST_LIMIT,
    /** Too little time to start; nothing was charged. */
    NOT_ENOUGH_TIME,
    /** The time service could not be reached for longer than the free allowance. */
    TIME_SERVICE_UNAVAILABLE,
    /** The time service ended the session (an admin, a disabled account, a lapsed hold). */
    SESSION_ENDED
}
