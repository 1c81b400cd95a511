package ai.mindbot.agent.local;

import javax.sound.sampled.SourceDataLine;

/**
 * A Java Sound playback line as a {@link Speaker}: {@link #play} blocks while the line's buffer is
 * full, so the sound card's clock paces the agent's voice. The buffer is the delay between the
 * engine's "played" and the person hearing it, and what a barge-in cannot take back.
 */
final class JavaSoundSpeaker implements Speaker {

    /** Short enough for a barge-in to stop the voice promptly, long enough that a GC pause does not click. */
    static final int BUFFER_MS = 100;

    private final SourceDataLine line;
    private final LinePcm pcm;
    private final String name;

    /** {@code line}: open and started, in {@code choice}'s format. */
    JavaSoundSpeaker(SourceDataLine line, LineChoice.Choice choice) {
        this.line = line;
        this.pcm = LinePcm.toLine(choice.format());
        this.name = JavaSound.label(choice);
    }

    @Override
    public void play(short[] frame) {
        byte[] bytes = pcm.lineBytes(frame);
        line.write(bytes, 0, bytes.length);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        line.stop();
        line.flush();
        line.close();
    }
}
