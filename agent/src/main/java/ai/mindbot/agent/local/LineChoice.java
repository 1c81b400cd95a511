package ai.mindbot.agent.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Mixer;

/**
 * Which of Java Sound's devices to use for one direction, and in which format: logic over what the
 * mixers say they accept, so it is tested without a sound card.
 *
 * <p>Without a name the device is, in this order: ALSA's {@code default} (on a desktop it goes through
 * the sound server, so other programs keep their audio), a {@code plughw} device (ALSA converts rates
 * and channels for it), then any other, in the order Java Sound lists them.
 */
final class LineChoice {

    /**
     * 16-bit little-endian PCM, best first: 48 kHz is the engine's rate (no resampling), mono needs no
     * mixing down; the other rates are what sound cards commonly offer, and the resampler takes all of them.
     */
    static final List<AudioFormat> FORMATS = formats();

    /**
     * A device as Java Sound describes it.
     *
     * @param formats those of {@link #FORMATS} it accepts in this direction, in that order
     */
    record Candidate(Mixer.Info mixer, List<AudioFormat> formats) {
        String name() {
            return mixer.getName();
        }

        /** Java Sound's name and description, e.g. "default [default], Direct Audio Device: default, ...". */
        String label() {
            return mixer.getName() + " (" + mixer.getDescription() + ")";
        }
    }

    record Choice(Mixer.Info mixer, AudioFormat format) {}

    private LineChoice() {}

    /**
     * @param wanted part of a device's name or description (any case), or null for the default
     * @param what   "microphone" or "speaker", for the message
     * @throws SoundCard.Unavailable when nothing fits, with one line saying why
     */
    static Choice pick(List<Candidate> candidates, String wanted, String what) {
        if (candidates.isEmpty()) {
            throw new SoundCard.Unavailable("no " + what + ": Java Sound sees no " + direction(what) + " device");
        }
        List<Candidate> named = candidates;
        if (wanted != null && !wanted.isBlank()) {
            String part = wanted.strip().toLowerCase(Locale.ROOT);
            named = candidates.stream()
                    .filter(c -> c.label().toLowerCase(Locale.ROOT).contains(part))
                    .toList();
            if (named.isEmpty()) {
                throw new SoundCard.Unavailable("no " + what + " is named like \"" + wanted.strip()
                        + "\" (./mindbot agent console --devices lists them)");
            }
        }
        List<Candidate> usable = new ArrayList<>(
                named.stream().filter(c -> !c.formats().isEmpty()).toList());
        if (usable.isEmpty()) {
            throw new SoundCard.Unavailable("no " + what + " takes 16-bit PCM at 16 to 48 kHz ("
                    + named.get(0).label() + ")");
        }
        usable.sort(Comparator.comparingInt(LineChoice::rank)); // stable: Java Sound's order within a rank
        Candidate best = usable.get(0);
        return new Choice(best.mixer(), best.formats().get(0));
    }

    private static int rank(Candidate c) {
        String name = c.name().toLowerCase(Locale.ROOT);
        if (name.contains("[default]")) {
            return 0;
        }
        return name.contains("[plughw") ? 1 : 2;
    }

    private static String direction(String what) {
        return what.equals("microphone") ? "capture" : "playback";
    }

    private static List<AudioFormat> formats() {
        List<AudioFormat> formats = new ArrayList<>();
        for (int rate : new int[] {48_000, 44_100, 32_000, 24_000, 16_000}) {
            for (int channels = 1; channels <= 2; channels++) {
                formats.add(new AudioFormat(rate, 16, channels, true, false));
            }
        }
        return List.copyOf(formats);
    }
}
