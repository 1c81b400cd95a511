package ai.mindbot.agent.local;

import java.util.Arrays;
import javax.sound.sampled.TargetDataLine;

/** A Java Sound capture line as a {@link Microphone}; the line's own clock paces {@link #read}. */
final class JavaSoundMicrophone implements Microphone {

    /** Room for a stalled reader (a GC pause) before the line drops audio; it adds no latency, reads take 10 ms. */
    static final int BUFFER_MS = 200;

    private final TargetDataLine line;
    private final LinePcm pcm;
    private final String name;
    private final byte[] chunk;
    private short[] pending = new short[4 * FRAME];
    private int pendingLength;

    /** {@code line}: open and started, in {@code choice}'s format. */
    JavaSoundMicrophone(TargetDataLine line, LineChoice.Choice choice) {
        this.line = line;
        this.pcm = LinePcm.fromLine(choice.format());
        this.name = JavaSound.label(choice);
        this.chunk = new byte[LinePcm.bytesFor(choice.format(), 10)];
    }

    @Override
    public short[] read() {
        while (pendingLength < FRAME) {
            int read = line.read(chunk, 0, chunk.length); // blocks for 10 ms of audio; less once closed
            if (read <= 0 && !line.isOpen()) {
                return null;
            }
            short[] samples =
                    pcm.engineSamples(chunk, read - read % line.getFormat().getFrameSize());
            if (pendingLength + samples.length > pending.length) {
                pending = Arrays.copyOf(pending, (pendingLength + samples.length) * 2);
            }
            System.arraycopy(samples, 0, pending, pendingLength, samples.length);
            pendingLength += samples.length;
        }
        short[] frame = Arrays.copyOf(pending, FRAME);
        System.arraycopy(pending, FRAME, pending, 0, pendingLength - FRAME);
        pendingLength -= FRAME;
        return frame;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
