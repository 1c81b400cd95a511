package ai.mindbot.agent.local;

import ai.mindbot.agent.media.AudioFrame;
import java.io.IOException;

/**
 * Where the person's voice comes from: 10 ms frames of 48 kHz mono 16-bit PCM, delivered in real
 * time (a sound card's capture line, or a file played at its own pace in tests).
 */
public interface Microphone extends AutoCloseable {

    /** Samples in one frame: 10 ms at 48 kHz. */
    int FRAME = AudioFrame.SAMPLES_PER_10MS;

    /** Blocks until the next 10 ms has been captured; null once the source has ended or was closed. */
    short[] read() throws IOException;

    /** What to call it when telling the user which device listens. */
    String name();

    @Override
    void close();
}
