package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import java.util.function.Consumer;

/**
 * A recogniser for benchmarks: it ignores the audio (a cloud one only forwards it over its socket:
 * nothing to compute here) and answers each flush, which the engine asks for when the voice detector
 * heard the speech end, by handing that stream's listener to {@code onFlush}.
 */
public final class FlushAnsweringStt implements Stt {

    private final Consumer<Consumer<SttEvent>> onFlush;

    public FlushAnsweringStt(Consumer<Consumer<SttEvent>> onFlush) {
        this.onFlush = onFlush;
    }

    @Override
    public int sampleRate() {
        return 16_000;
    }

    @Override
    public SttStream stream(Consumer<SttEvent> events) {
        return new SttStream() {
            @Override
            public void push(short[] samples) {}

            @Override
            public void flush() {
                onFlush.accept(events);
            }

            @Override
            public void close() {}
        };
    }
}
