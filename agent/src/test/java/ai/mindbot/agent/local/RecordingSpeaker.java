package ai.mindbot.agent.local;

import ai.mindbot.agent.media.Pcm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A speaker for tests: keeps everything played, at a sound card's pace, and can write it to a WAV file. */
public final class RecordingSpeaker implements Speaker {

    private final FramePacer pacer = new FramePacer();
    private short[] played = new short[48_000 * 10];
    private int length;

    @Override
    public void play(short[] frame) {
        pacer.next();
        synchronized (this) {
            if (length + frame.length > played.length) {
                played = Arrays.copyOf(played, played.length * 2);
            }
            System.arraycopy(frame, 0, played, length, frame.length);
            length += frame.length;
        }
    }

    /** 10 ms frames played so far. */
    public synchronized int frames() {
        return length / Microphone.FRAME;
    }

    /** Frame {@code index} as played, or silence when there is none. */
    public synchronized short[] frame(long index) {
        if (index < 0 || (index + 1) * Microphone.FRAME > length) {
            return new short[Microphone.FRAME];
        }
        int from = (int) index * Microphone.FRAME;
        return Arrays.copyOfRange(played, from, from + Microphone.FRAME);
    }

    /** RMS of frames [from, to). */
    public synchronized double rms(int fromFrame, int toFrame) {
        int from = Math.max(0, fromFrame * Microphone.FRAME);
        int to = Math.min(length, toFrame * Microphone.FRAME);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) played[i] * played[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** Frames from {@code fromFrame} on whose RMS is above {@code threshold}: how much was heard. */
    public synchronized int loudFrames(int fromFrame, double threshold) {
        int loud = 0;
        for (int f = Math.max(0, fromFrame); f < frames(); f++) {
            if (rms(f, f + 1) > threshold) {
                loud++;
            }
        }
        return loud;
    }

    /** Everything played, as a 48 kHz mono WAV (for a person to listen to what the test heard). */
    public synchronized void writeWav(Path file) throws IOException {
        byte[] bytes = new byte[length * 2];
        Pcm.toLittleEndian(Arrays.copyOf(played, length), bytes);
        AudioFormat format = new AudioFormat(48_000, 16, 1, true, false);
        AudioSystem.write(
                new AudioInputStream(new ByteArrayInputStream(bytes), format, length),
                AudioFileFormat.Type.WAVE,
                file.toFile());
    }

    @Override
    public String name() {
        return "a recording speaker";
    }

    @Override
    public void close() {}
}
