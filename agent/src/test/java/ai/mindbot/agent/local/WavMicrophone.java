package ai.mindbot.agent.local;

import ai.mindbot.agent.media.Pcm;
import ai.mindbot.agent.media.Resampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A microphone for tests, at a sound card's pace: its own faint noise, as every real microphone has
 * (about -66 dBFS), and the WAV files {@link #say} queues, played one after another. It can also hear
 * a speaker, later and quieter, as a laptop's microphone hears its own loudspeaker.
 */
public final class WavMicrophone implements Microphone {

    /** RMS of the microphone's own noise: digital silence is something no microphone delivers. */
    private static final double NOISE_RMS = 16;

    private final FramePacer pacer = new FramePacer();
    private final Random noise = new Random(42);
    private final ConcurrentLinkedQueue<short[]> clips = new ConcurrentLinkedQueue<>();
    private final RecordingSpeaker echoOf;
    private final int echoDelayFrames;
    private final double echoGain;
    private short[] clip;
    private int position;
    private volatile boolean saying;
    private volatile boolean closed;

    /** A microphone that hears only what it is given. */
    public WavMicrophone() {
        this(null, 0, 0);
    }

    /** A microphone that also hears {@code speaker}, {@code delayMillis} later at {@code gain} of its loudness. */
    public WavMicrophone(RecordingSpeaker speaker, int delayMillis, double gain) {
        this.echoOf = speaker;
        this.echoDelayFrames = delayMillis / 10;
        this.echoGain = gain;
    }

    /** Queues a WAV file (16-bit PCM mono, any rate) to be spoken into the microphone. */
    public void say(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
                throw new IllegalArgumentException(wav + " is not 16-bit little-endian mono: " + format);
            }
            byte[] bytes = in.readAllBytes();
            short[] samples = Pcm.fromLittleEndian(bytes, bytes.length / 2);
            saying = true;
            clips.add(Resampler.convert(samples, (int) format.getSampleRate(), 48_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(wav + " is not a WAV file", e);
        }
    }

    /** Whether a queued file is still being spoken. */
    public boolean saying() {
        return saying;
    }

    @Override
    public short[] read() {
        long index = pacer.next();
        if (closed) {
            return null;
        }
        short[] frame = new short[FRAME];
        for (int i = 0; i < FRAME; i++) {
            frame[i] = (short) Math.round(noise.nextGaussian() * NOISE_RMS);
        }
        if (clip == null) {
            clip = clips.poll();
            position = 0;
        }
        if (clip != null) {
            int n = Math.min(FRAME, clip.length - position);
            for (int i = 0; i < n; i++) {
                frame[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, frame[i] + clip[position + i]));
            }
            position += n;
            if (position >= clip.length) {
                clip = null;
                saying = !clips.isEmpty();
            }
        }
        if (echoOf != null) {
            // the speaker's frame of about the same moment, delayed: both devices started together
            short[] echo = echoOf.frame(index - echoDelayFrames);
            for (int i = 0; i < FRAME; i++) {
                frame[i] = (short) Math.max(
                        Short.MIN_VALUE, Math.min(Short.MAX_VALUE, frame[i] + Math.round(echo[i] * echoGain)));
            }
        }
        return frame;
    }

    @Override
    public String name() {
        return "a WAV microphone";
    }

    @Override
    public void close() {
        closed = true;
    }
}
