package ai.mindbot.agent.voice;

import java.time.Duration;

/**
 * How a {@link Conversation} takes turns. The defaults are LiveKit Agents' (voice/turn.py and the
 * Silero plugin's), so behaviour a voice engineer knows from there carries over.
 *
 * @param activationThreshold     VAD probability at or above which a window counts as speech
 * @param minSpeech               speech must last this long before the user is "speaking" (filters clicks)
 * @param minSilence              silence must last this long before the user "stopped speaking"
 * @param minEndpointingDelay     the earliest a turn ends after the user's last speech, when the
 *                                recogniser has the words
 * @param maxEndpointingDelay     the latest: after this, the turn ends with whatever words there are
 *                                (or is dropped if there are none)
 * @param allowInterruptions      whether the user's voice stops the agent (barge-in); {@code say}
 *                                can opt out per speech
 * @param falseInterruptionTimeout after an interruption with no words, how long the user's silence
 *                                lasts before the agent resumes what it was saying
 * @param fillerDelay             a tool call running longer than this makes the agent say {@link #fillerText}
 * @param fillerText              what the agent says while a slow tool runs
 * @param maxToolSteps            model → tools → model rounds per reply; the last round gets no tools
 * @param apologyText             said when a provider fails a turn; the conversation goes on
 */
public record VoiceOptions(
        double activationThreshold,
        Duration minSpeech,
        Duration minSilence,
        Duration minEndpointingDelay,
        Duration maxEndpointingDelay,
        boolean allowInterruptions,
        Duration falseInterruptionTimeout,
        Duration fillerDelay,
        String fillerText,
        int maxToolSteps,
        String apologyText) {

    public VoiceOptions {
        if (activationThreshold <= 0 || activationThreshold >= 1) {
            throw new IllegalArgumentException("activationThreshold must be in (0, 1): " + activationThreshold);
        }
        requirePositive("minSpeech", minSpeech);
        requirePositive("minSilence", minSilence);
        requirePositive("minEndpointingDelay", minEndpointingDelay);
        requirePositive("falseInterruptionTimeout", falseInterruptionTimeout);
        requirePositive("fillerDelay", fillerDelay);
        if (maxEndpointingDelay.compareTo(minEndpointingDelay) < 0) {
            throw new IllegalArgumentException("maxEndpointingDelay < minEndpointingDelay");
        }
        if (maxToolSteps < 1) {
            throw new IllegalArgumentException("maxToolSteps must be at least 1: " + maxToolSteps);
        }
        if (fillerText == null || fillerText.isBlank() || apologyText == null || apologyText.isBlank()) {
            throw new IllegalArgumentException("fillerText and apologyText must not be blank");
        }
    }

    public static VoiceOptions defaults() {
        return new VoiceOptions(
                0.5,
                Duration.ofMillis(50),
                Duration.ofMillis(550),
                Duration.ofMillis(500),
                Duration.ofSeconds(3),
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                "Let me check.",
                3,
                "Sorry, I ran into a problem there, could you say that again?");
    }

    /** Below this, a window counts as silence; the gap to the activation threshold stops flicker (Silero's 0.15). */
    public double deactivationThreshold() {
        return Math.max(0.01, activationThreshold - 0.15);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
