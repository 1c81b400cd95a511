package ai.mindbot.agent.voice;

import java.time.Duration;

/** Builds a reply's {@link TurnMetrics} from the job-clock times its pieces noted. */
final class TurnTimings {

    private TurnTimings() {}

    static TurnMetrics of(AgentSpeech speech, ModelReply reply, UserTurn user) {
        boolean spoken = user != null && user.spoken();
        Duration eou = spoken ? between(user.lastSpeechNanos(), user.endedNanos()) : null;
        Duration stt = spoken && user.lastFinalNanos() >= 0
                // a final that came before the voice detector's silence counts as no delay at all
                ? between(user.lastSpeechNanos(), Math.max(user.lastSpeechNanos(), user.lastFinalNanos()))
                : null;
        Duration ttft = reply.firstTokenNanos >= 0 ? between(reply.firstRequestNanos, reply.firstTokenNanos) : null;
        Duration ttfb =
                speech.firstTtsAudioNanos >= 0 ? between(speech.firstTtsRequestNanos, speech.firstTtsAudioNanos) : null;
        long own = 0;
        boolean measuredOwn = false;
        if (user != null && reply.firstRequestNanos >= 0) {
            own += reply.firstRequestNanos - user.endedNanos();
            measuredOwn = true;
        }
        if (speech.firstTtsAudioNanos >= 0 && speech.firstCaptureNanos >= 0) {
            own += speech.firstCaptureNanos - speech.firstTtsAudioNanos;
            measuredOwn = true;
        }
        Duration v2v = spoken && speech.firstCaptureNanos >= 0
                ? between(user.lastSpeechNanos(), speech.firstCaptureNanos)
                : null;
        return new TurnMetrics(speech.id(), eou, stt, ttft, ttfb, measuredOwn ? Duration.ofNanos(own) : null, v2v);
    }

    private static Duration between(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos);
    }
}
