package ai.mindbot.agent.voice.fakes;

import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Deepgram's {@code /v1/listen} socket sends, field for field as documented
 * (developers.deepgram.com, listen-streaming) and as LiveKit's plugin reads it.
 */
public final class DeepgramMessages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST_ID = UUID.randomUUID().toString();

    private DeepgramMessages() {}

    /** A {@code Results} message; words are spread evenly over {@code [start, start+duration]}. */
    public static String results(
            String transcript, boolean isFinal, boolean speechFinal, double start, double duration) {
        return results(transcript, isFinal, speechFinal, false, start, duration);
    }

    /** The answer to a {@code Finalize}: final, {@code from_finalize:true}, not necessarily {@code speech_final}. */
    public static String finalized(String transcript, double start, double duration) {
        return results(transcript, true, false, true, start, duration);
    }

    private static String results(
            String transcript,
            boolean isFinal,
            boolean speechFinal,
            boolean fromFinalize,
            double start,
            double duration) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "Results");
        m.putArray("channel_index").add(0).add(1);
        m.put("duration", duration);
        m.put("start", start);
        m.put("is_final", isFinal);
        m.put("speech_final", speechFinal);
        m.put("from_finalize", fromFinalize);
        ObjectNode alternative = m.putObject("channel").putArray("alternatives").addObject();
        alternative.put("transcript", transcript);
        alternative.put("confidence", transcript.isEmpty() ? 0.0 : 0.98);
        ArrayNode words = alternative.putArray("words");
        String[] split =
                transcript.isBlank() ? new String[0] : transcript.strip().split("\\s+");
        for (int i = 0; i < split.length; i++) {
            double step = duration / split.length;
            ObjectNode w = words.addObject();
            w.put("word", split[i].replaceAll("[^\\p{L}\\p{N}']", "").toLowerCase());
            w.put("start", start + i * step);
            w.put("end", start + (i + 1) * step);
            w.put("confidence", 0.99);
            w.put("punctuated_word", split[i]);
        }
        ObjectNode metadata = m.putObject("metadata");
        metadata.put("request_id", REQUEST_ID);
        ObjectNode model = metadata.putObject("model_info");
        model.put("name", "general-nova-3");
        model.put("version", "2024-12-20.0");
        model.put("arch", "nova-3");
        metadata.put("model_uuid", "00000000-0000-0000-0000-000000000003");
        return JSON.writeValueAsString(m);
    }

    public static String speechStarted(double timestamp) {
        return channelEvent("SpeechStarted", "timestamp", timestamp);
    }

    public static String utteranceEnd(double lastWordEnd) {
        return channelEvent("UtteranceEnd", "last_word_end", lastWordEnd);
    }

    /** The VAD events' shape: a type, the channel as {@code [index, count]} and one time in seconds. */
    private static String channelEvent(String type, String timeField, double seconds) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", type);
        m.putArray("channel").add(0).add(1);
        m.put(timeField, seconds);
        return JSON.writeValueAsString(m);
    }

    /** What Deepgram sends last, after {@code CloseStream}. */
    public static String metadata(double duration) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "Metadata");
        m.put("transaction_key", "deprecated");
        m.put("request_id", REQUEST_ID);
        m.put("sha256", "0".repeat(64));
        m.put("created", "2026-01-01T00:00:00.000Z");
        m.put("duration", duration);
        m.put("channels", 1);
        return JSON.writeValueAsString(m);
    }
}
