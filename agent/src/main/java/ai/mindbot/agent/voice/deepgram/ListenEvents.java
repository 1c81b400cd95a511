package ai.mindbot.agent.voice.deepgram;

import ai.mindbot.agent.voice.SttEvent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns the messages Deepgram sends on {@code /v1/listen} into {@link SttEvent}s, the way LiveKit's
 * Deepgram plugin reads them. Deepgram has no "speech ended" message of its own and its
 * {@code SpeechStarted} is not paired with endpoints, so this keeps one bit, whether an utterance is
 * open, to give the engine exactly one start and one end per utterance:
 * <ul>
 *   <li>{@code SpeechStarted}, or the first words of a {@code Results} without one, opens it;</li>
 *   <li>{@code Results}: {@code is_final} gives {@link SttEvent.Final}, otherwise {@link SttEvent.Interim};
 *       empty transcripts (silence) give nothing;</li>
 *   <li>{@code speech_final} (endpointing saw a pause), {@code from_finalize} (the answer to our
 *       {@code Finalize}, so the engine's own end of turn) or {@code UtteranceEnd} (the word-gap
 *       fallback) close it with {@link SttEvent.EndOfSpeech}.</li>
 * </ul>
 * Deepgram sends a {@code from_finalize} result only when it still had audio buffered
 * (developers.deepgram.com/docs/finalize), so after {@code flush()} the engine must not wait for an
 * {@code EndOfSpeech} without a deadline of its own.
 * Used from the socket's listener only, one message at a time.
 */
final class ListenEvents {

    private boolean speaking;

    List<SttEvent> read(JsonNode message) {
        List<SttEvent> events = new ArrayList<>(3);
        switch (message.path("type").asString("")) {
            case "SpeechStarted" -> open(events);
            case "Results" -> results(message, events);
            case "UtteranceEnd" -> close(events);
            default -> {
                // Metadata (sent after CloseStream) and anything newer carry nothing for the turn.
            }
        }
        return events;
    }

    private void results(JsonNode message, List<SttEvent> events) {
        JsonNode best = message.path("channel").path("alternatives").path(0);
        String text = best.path("transcript").asString("").strip();
        if (!text.isEmpty()) {
            open(events);
            if (message.path("is_final").asBoolean(false)) {
                events.add(new SttEvent.Final(text, best.path("confidence").asDouble(0)));
            } else {
                events.add(new SttEvent.Interim(text));
            }
        }
        if (message.path("speech_final").asBoolean(false)
                || message.path("from_finalize").asBoolean(false)) {
            close(events);
        }
    }

    private void open(List<SttEvent> events) {
        if (!speaking) {
            speaking = true;
            events.add(new SttEvent.StartOfSpeech());
        }
    }

    private void close(List<SttEvent> events) {
        if (speaking) {
            speaking = false;
            events.add(new SttEvent.EndOfSpeech());
        }
    }
}
