package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A synthesiser in virtual time: {@link #MILLIS_PER_CHAR} of 24 kHz tone per character of text (a
 * speaking rate of about 15 characters a second), delivered in 100 ms pieces {@link #ttfb} after the
 * request, faster than real time as real TTS services are. Requests and cancellations are recorded;
 * {@link #failNext} makes the next request fail.
 */
public final class FakeTts implements Tts {

    public static final int RATE = 24_000;
    public static final int MILLIS_PER_CHAR = 60;

    /** One synthesis the engine asked for. */
    public static final class Request {
        public final String text;
        private volatile boolean cancelled;

        Request(String text) {
            this.text = text;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final ManualExecutor clock;
    private final List<Request> requests = new ArrayList<>();
    private Duration ttfb = Duration.ofMillis(50);
    private int failures;

    public FakeTts(ManualExecutor clock) {
        this.clock = clock;
    }

    public FakeTts ttfb(Duration ttfb) {
        this.ttfb = ttfb;
        return this;
    }

    public synchronized FakeTts failNext() {
        failures++;
        return this;
    }

    /** How long the audio for {@code text} lasts. */
    public static long millisFor(String text) {
        return (long) text.length() * MILLIS_PER_CHAR;
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public synchronized Cancellable synthesize(String text, Consumer<TtsEvent> events) {
        Request request = new Request(text);
        requests.add(request);
        boolean fail = failures > 0;
        if (fail) {
            failures--;
        }
        clock.schedule(
                () -> {
                    if (request.cancelled) {
                        return;
                    }
                    if (fail) {
                        events.accept(new TtsEvent.Failed(new IllegalStateException("tts: 500 from the fake")));
                        return;
                    }
                    int total = (int) (millisFor(text) * RATE / 1000);
                    int piece = RATE / 10;
                    for (int offset = 0; offset < total; offset += piece) {
                        events.accept(new TtsEvent.Audio(tone(Math.min(piece, total - offset), offset)));
                    }
                    events.accept(new TtsEvent.Done());
                },
                ttfb);
        return () -> request.cancelled = true;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private static short[] tone(int n, int offset) {
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = (short) (3000 * Math.sin(2 * Math.PI * 220 * (offset + i) / RATE));
        }
        return out;
    }
}
