package ai.mindbot.agent.local;

import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves audio between the devices and a {@link LocalRoom}, on two threads of its own: the
 * microphone's frames, echo cancelled, to the agent; the room's mixed voice, 10 ms at a time, to the
 * speaker (silence when the agent says nothing, so the line never runs dry). The devices' blocking
 * reads and writes set the pace; nothing here keeps time.
 */
public final class LocalAudio implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalAudio.class);

    private final SoundCard.Devices devices;
    private final EchoCanceller echo;
    private final AudioMixer mixer;
    private final Consumer<AudioFrame> heard;
    private final Consumer<String> trouble;
    private final Thread listening;
    private final Thread speaking;
    private volatile boolean closed;

    /**
     * @param heard   receives each 10 ms of the person's voice (48 kHz mono), on the microphone's thread
     * @param trouble receives one line when a device fails; the other direction and typing go on
     */
    public LocalAudio(
            SoundCard.Devices devices,
            EchoCanceller echo,
            AudioMixer mixer,
            Consumer<AudioFrame> heard,
            Consumer<String> trouble) {
        this.devices = devices;
        this.echo = echo;
        this.mixer = mixer;
        this.heard = heard;
        this.trouble = trouble;
        this.listening = new Thread(this::listen, "local-microphone");
        this.speaking = new Thread(this::speak, "local-speaker");
        listening.setDaemon(true);
        speaking.setDaemon(true);
        speaking.setPriority(Thread.MAX_PRIORITY);
    }

    public LocalAudio start() {
        speaking.start();
        listening.start();
        return this;
    }

    private void listen() {
        try {
            for (short[] frame = devices.microphone().read();
                    frame != null && !closed;
                    frame = devices.microphone().read()) {
                heard.accept(AudioFrame.mono(echo.heard(frame), System.nanoTime()));
            }
        } catch (IOException | RuntimeException e) {
            fail("the microphone stopped", e);
        }
    }

    private void speak() {
        long[] timestamp = new long[1];
        try {
            while (!closed) {
                short[] frame = mixer.mixNext(timestamp);
                echo.played(frame);
                devices.speaker().play(frame);
            }
        } catch (IOException | RuntimeException e) {
            fail("the speaker stopped", e);
        }
    }

    private void fail(String what, Exception e) {
        if (!closed) {
            log.warn("{}", what, e);
            trouble.accept(what + ": " + e.getMessage());
        }
    }

    /** Stops both threads, closes the devices and then the echo canceller. */
    @Override
    public void close() {
        closed = true;
        devices.close(); // unblocks a read or write in progress
        join(listening);
        join(speaking);
        if (listening.isAlive() || speaking.isAlive()) {
            log.warn("a device thread did not stop; leaving the echo canceller undisposed rather than crash it");
            return;
        }
        echo.close();
    }

    private static void join(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
