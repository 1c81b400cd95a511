package ai.mindbot.agent.voice.fakes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What {@link FakeHttpApi} answers to one request. */
public sealed interface FakeReply {

    /** How a streamed body ends. */
    enum Ending {
        /** Normally: SSE writes {@code data: [DONE]}; every body ends its chunked encoding properly. */
        COMPLETE,
        /** The connection is cut mid-body, without the terminating chunk, as a dropped socket would. */
        DROP
    }

    /**
     * An SSE stream ({@code text/event-stream}): each of {@code data} goes out as {@code data: <json>}
     * and is flushed, {@code gap} apart.
     */
    record Sse(List<String> data, Duration gap, Ending ending) implements FakeReply {
        public Sse {
            data = List.copyOf(data);
        }

        public static Sse of(List<String> data) {
            return new Sse(data, Duration.ZERO, Ending.COMPLETE);
        }
    }

    /** A plain answer, e.g. 401 or 429 with OpenAI's error JSON and a {@code Retry-After}. */
    record Status(int code, Map<String, String> headers, String body) implements FakeReply {
        public Status {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Raw s16le mono PCM, chunked: {@code chunkBytes} at a time (odd sizes split samples across
     * chunks, as a real network may), {@code gap} apart. With {@link Ending#DROP} the connection is
     * cut after {@code dropAfterChunks} chunks.
     */
    record Pcm(short[] samples, int chunkBytes, Duration gap, Ending ending, int dropAfterChunks) implements FakeReply {
        public static Pcm of(short[] samples, int chunkSamples, Duration gap) {
            return new Pcm(samples, chunkSamples * 2, gap, Ending.COMPLETE, Integer.MAX_VALUE);
        }

        /** A test tone: {@code count} samples of a 440 Hz sine at 24 kHz, so every sample differs from its neighbours. */
        public static short[] tone(int count) {
            short[] s = new short[count];
            for (int i = 0; i < count; i++) {
                s[i] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / 24_000.0));
            }
            return s;
        }
    }

    static Status openAiError(int code, String type, String errorCode, String message, Map<String, String> headers) {
        String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\""
                + errorCode + "\"}}";
        return new Status(code, headers, body);
    }

    /** OpenAI's answer to a wrong key. */
    static Status unauthorized() {
        return openAiError(
                401,
                "invalid_request_error",
                "invalid_api_key",
                "Incorrect API key provided: sk-test***. You can find your API key at https://platform.openai.com/account/api-keys.",
                Map.of());
    }

    /** OpenAI's rate-limit answer, telling the client to wait {@code retryAfterSeconds}. */
    static Status rateLimited(int retryAfterSeconds) {
        return openAiError(
                429,
                "requests",
                "rate_limit_exceeded",
                "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1.",
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
