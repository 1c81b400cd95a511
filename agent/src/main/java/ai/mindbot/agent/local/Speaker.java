package ai.mindbot.agent.local;

import java.io.IOException;

/**
 * Where the agent's voice goes: 10 ms frames of 48 kHz mono 16-bit PCM. {@link #play} blocks while
 * the device already holds as much as it buffers, so the device sets the pace, as a sound card does.
 */
public interface Speaker extends AutoCloseable {

    /** Plays the next 10 ms ({@link Microphone#FRAME} samples). */
    void play(short[] frame) throws IOException;

    /** What to call it when telling the user which device speaks. */
    String name();

    @Override
    void close();
}
