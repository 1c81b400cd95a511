package ai.mindbot.agent.voice;

import java.util.function.Consumer;

/** Streaming speech recognition. */
public interface Stt {

    /** The rate of the mono audio {@link SttStream#push} takes (16 kHz for every provider we ship). */
    int sampleRate();

    /**
     * Whether this recogniser should hear only what the engine's voice detector calls speech (with
     * half a second of lead-in, each stretch ended by a flush) rather than the whole stream. For a
     * recogniser that adapts to everything it hears: pocketsphinx's feature normalisation drifts on
     * long stretches of faint noise (a microphone's own hiss, an echo canceller's residue) and then
     * mishears the next words ("how much time do i have left" became "for for").
     */
    default boolean hearsOnlySpeech() {
        return false;
    }

    /** Opens a stream; {@code events} is called on the provider's thread. */
    SttStream stream(Consumer<SttEvent> events);

    /** One participant's recognition stream. */
    interface SttStream extends AutoCloseable {

        /** Audio at {@link Stt#sampleRate()}, mono 16-bit. */
        void push(short[] samples);

        /**
         * The engine's voice detector says the user stopped: report the current utterance as final
         * now rather than waiting for the provider's own endpointing (Deepgram {@code Finalize}).
         */
        void flush();

        @Override
        void close();
    }
}
