package ai.mindbot.agent.mindbot.metering;

import ai.mindbot.agent.config.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * How the time keeper paces itself.
 *
 * @param heartbeat      how often a live session is heartbeated ({@code TIME_HEARTBEAT_SECONDS}, 30):
 *                       a top-up made elsewhere is heard within this; half the time service's 60 s slice
 *                       leaves a whole retry window before a hold could lapse
 * @param guestMax       a guest call's cap ({@code GUEST_MAX_SECONDS}, 180)
 * @param lowBalanceLine the low-balance line for the greeting ({@code LOW_BALANCE_THRESHOLD_SECONDS}, 900,
 *                       the time service's own default); during the call the heartbeat's flag decides
 * @param warning        how long before the end the "about a minute left" warning comes (60 s)
 * @param goodbyeLead    how long before the end the goodbye starts, so it is heard before the cut (6 s: a two-sentence goodbye)
 * @param outageAllowance how long a call may run when the time service cannot be reached at its start:
 *                       one slice, the most a user could ever get free
 * @param retry          how often an unreachable time service is tried again (3 s)
 * @param refusalLinger  how long a caller without enough time stays to hear why (10 s)
 */
public record MeteringRules(
        Duration heartbeat,
        Duration guestMax,
        long lowBalanceLine,
        Duration warning,
        Duration goodbyeLead,
        Duration outageAllowance,
        Duration retry,
        Duration refusalLinger) {

    public MeteringRules {
        if (heartbeat.toSeconds() < 1 || guestMax.toSeconds() < 1 || goodbyeLead.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("TIME_HEARTBEAT_SECONDS and GUEST_MAX_SECONDS must be at least 1");
        }
    }

    public static MeteringRules defaults() {
        return from(Map.of());
    }

    public static MeteringRules from(Map<String, String> env) {
        Settings settings = Settings.of(env);
        return new MeteringRules(
                Duration.ofSeconds(settings.number("TIME_HEARTBEAT_SECONDS", 30)),
                Duration.ofSeconds(settings.number("GUEST_MAX_SECONDS", 180)),
                settings.number("LOW_BALANCE_THRESHOLD_SECONDS", 900),
                Duration.ofSeconds(60),
                Duration.ofSeconds(6),
                Duration.ofSeconds(60),
                Duration.ofSeconds(3),
                Duration.ofSeconds(10));
    }
}
