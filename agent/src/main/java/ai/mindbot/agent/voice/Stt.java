package ai.mindbot.agent.voice;

import java.util.function.Consumer;

/** Streaming speech recognition. */
public interface Stt {

    /** The rate of the mono audio {@link SttStream#push} takes (16 kHz for every provider we ship). */
    int sampleRate();

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
