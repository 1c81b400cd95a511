package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import java.util.function.Consumer;

/** Streaming speech synthesis: text in (a sentence at a time), audio out as it is made. */
public interface Tts {

    /** The rate of the audio in {@link TtsEvent.Audio} (16000, 22050, 24000 or 48000). */
    int sampleRate();

    /**
     * Synthesises {@code text}. {@code events} gets audio pieces, then exactly one
     * {@link TtsEvent.Done} or {@link TtsEvent.Failed}, unless cancelled first (then nothing more).
     */
    Cancellable synthesize(String text, Consumer<TtsEvent> events);
}
