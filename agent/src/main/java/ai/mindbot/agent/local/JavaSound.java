package ai.mindbot.agent.local;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * This machine's microphone and speaker through Java Sound ({@code javax.sound.sampled}; on Linux its
 * ALSA devices, including {@code default}, which a desktop routes through PulseAudio or PipeWire).
 */
public final class JavaSound implements SoundCard {

    @Override
    public Devices open(String microphone, String speaker) {
        LineChoice.Choice capture = LineChoice.pick(candidates(TargetDataLine.class), microphone, "microphone");
        LineChoice.Choice playback = LineChoice.pick(candidates(SourceDataLine.class), speaker, "speaker");
        JavaSoundMicrophone mic = new JavaSoundMicrophone(
                start(capture, TargetDataLine.class, JavaSoundMicrophone.BUFFER_MS, "microphone"), capture);
        try {
            return new Devices(
                    mic,
                    new JavaSoundSpeaker(
                            start(playback, SourceDataLine.class, JavaSoundSpeaker.BUFFER_MS, "speaker"), playback));
        } catch (RuntimeException e) {
            mic.close();
            throw e;
        }
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (LineChoice.Candidate c : candidates(TargetDataLine.class)) {
            lines.add("microphone: " + c.label() + formats(c));
        }
        for (LineChoice.Candidate c : candidates(SourceDataLine.class)) {
            lines.add("speaker:    " + c.label() + formats(c));
        }
        return lines;
    }

    /** Every mixer offering lines of this direction, with the formats of {@link LineChoice#FORMATS} it takes. */
    static List<LineChoice.Candidate> candidates(Class<? extends DataLine> direction) {
        List<LineChoice.Candidate> candidates = new ArrayList<>();
        Mixer.Info[] mixers;
        try {
            mixers = AudioSystem.getMixerInfo();
        } catch (RuntimeException | LinkageError e) {
            // Java Sound's native part missing (e.g. no libasound2): as good as no device
            return candidates;
        }
        for (Mixer.Info info : mixers) {
            Mixer mixer = AudioSystem.getMixer(info);
            if (!mixer.isLineSupported(new DataLine.Info(direction, null))) {
                continue; // a Port mixer (volume controls) or the other direction only
            }
            List<AudioFormat> formats = LineChoice.FORMATS.stream()
                    .filter(f -> mixer.isLineSupported(new DataLine.Info(direction, f)))
                    .toList();
            candidates.add(new LineChoice.Candidate(info, formats));
        }
        return candidates;
    }

    /** The chosen line, opened with room for {@code bufferMillis} and started. */
    private static <T extends DataLine> T start(
            LineChoice.Choice choice, Class<T> direction, int bufferMillis, String what) {
        try {
            T line = direction.cast(
                    AudioSystem.getMixer(choice.mixer()).getLine(new DataLine.Info(direction, choice.format())));
            int bytes = LinePcm.bytesFor(choice.format(), bufferMillis);
            if (line instanceof TargetDataLine capture) {
                capture.open(choice.format(), bytes);
            } else {
                ((SourceDataLine) line).open(choice.format(), bytes);
            }
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new SoundCard.Unavailable(
                    "the " + what + " " + choice.mixer().getName() + " cannot be opened: " + e.getMessage());
        }
    }

    /** What the user is told: the device and the format, e.g. "default [default], 48000 Hz mono". */
    static String label(LineChoice.Choice choice) {
        return choice.mixer().getName() + ", " + (int) choice.format().getSampleRate() + " Hz "
                + (choice.format().getChannels() == 1 ? "mono" : "stereo");
    }

    private static String formats(LineChoice.Candidate c) {
        return c.formats().isEmpty()
                ? ", no 16-bit PCM format we use"
                : ", " + (int) c.formats().get(0).getSampleRate() + " Hz "
                        + c.formats().get(0).getChannels() + " ch";
    }
}
