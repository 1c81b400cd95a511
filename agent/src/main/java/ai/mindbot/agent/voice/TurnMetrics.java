package ai.mindbot.agent.voice;

import java.time.Duration;

/**
 * Timings of one agent reply, measured on the job's clock. A stage that did not happen (a typed turn
 * has no end-of-utterance delay; a reply with no text reaches no TTS) is {@code null}.
 *
 * @param speechId        the {@link SpeechHandle#id()} of the reply
 * @param endOfUtterance  user's last speech → turn committed (endpointing wait; LiveKit's eou delay)
 * @param sttFinal        user's last speech → the recogniser's last final transcript of the turn
 * @param llmTtft         first model request → first text token (the first step's)
 * @param ttsTtfb         first sentence sent to TTS → its first audio
 * @param ownOverhead     time our own code added: turn committed → model request, plus first TTS
 *                        audio → that audio handed to playback
 * @param voiceToVoice    what the user waits: their last speech → first agent audio handed to
 *                        playback (measured, not the sum of the stages)
 */
public record TurnMetrics(
        String speechId,
        Duration endOfUtterance,
        Duration sttFinal,
        Duration llmTtft,
        Duration ttsTtfb,
        Duration ownOverhead,
        Duration voiceToVoice) {

    /** One log line: {@code turn speech=ab12 eou=512ms stt=380ms ttft=210ms ttfb=95ms own=2ms v2v=830ms}. */
    public String logLine() {
        return "turn speech=" + speechId + " eou=" + ms(endOfUtterance) + " stt=" + ms(sttFinal)
                + " ttft=" + ms(llmTtft) + " ttfb=" + ms(ttsTtfb) + " own=" + ms(ownOverhead)
                + " v2v=" + ms(voiceToVoice);
    }

    private static String ms(Duration d) {
        return d == null ? "-" : d.toMillis() + "ms";
    }
}
