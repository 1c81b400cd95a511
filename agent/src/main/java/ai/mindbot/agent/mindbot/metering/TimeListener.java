package ai.mindbot.agent.mindbot.metering;

import ai.mindbot.agent.mindbot.caller.Caller;

/** What the time keeper decided, on the job's thread, in the order it happened. */
public interface TimeListener {

    /**
     * Metering is set up: greet. For a user {@code seconds} is the balance when the session started
     * ({@code lowBalance} under the low-balance line); for a guest it is the guest cap.
     */
    default void started(Caller caller, long seconds, boolean lowBalance) {}

    /** Too little time to start: nothing was charged; {@link #timeUp} follows once this is said. */
    default void refused(long availableSeconds, long minimumSeconds) {}

    /** About a minute is left (the time service's final slice, or the guest cap's last minute). */
    default void finalMinute(long secondsLeft) {}

    /** The balance just crossed under the low-balance line during the call. */
    default void lowBalance(long secondsLeft) {}

    /** Time bought during the call arrived; the call goes on. */
    default void toppedUp(long secondsLeft) {}

    /** The time service cannot be reached at the start; the call may go on for one free slice at most. */
    default void unreachable() {}

    /** The time service answered again after {@link #unreachable()}; metering is on. */
    default void reconnected(long balanceSeconds) {}

    /** Say goodbye now (not interruptible): {@link #timeUp} follows in a few seconds. */
    default void goodbye(EndCause cause) {}

    /** The call is over: the session is already ended; remove the participant. */
    default void timeUp(EndCause cause) {}
}
