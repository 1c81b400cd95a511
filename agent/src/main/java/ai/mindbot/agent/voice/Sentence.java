package ai.mindbot.agent.voice;

import java.util.Arrays;

/**
 * One sentence of a speech and its synthesised audio. {@code start} is where its audio begins in
 * the speech's audio (samples at the TTS rate); sentences are synthesised one after another, so it
 * is fixed when synthesis starts. Job thread only.
 */
final class Sentence {

    final String text;
    /** The model's words go into the history; a filler ("Let me check.") the model never wrote does not. */
    final boolean inHistory;
    /** Which model step (tool round) wrote it; a reply's history message holds its last step's words. */
    final int step;

    private short[] audio = new short[0];
    private int length;
    long start = -1;
    boolean synthesized;

    Sentence(String text, boolean inHistory, int step) {
        this.text = text;
        this.inHistory = inHistory;
        this.step = step;
    }

    boolean started() {
        return start >= 0;
    }

    int length() {
        return length;
    }

    long end() {
        return start + length;
    }

    void append(short[] samples) {
        if (length + samples.length > audio.length) {
            audio = Arrays.copyOf(audio, Math.max(length + samples.length, audio.length * 2));
        }
        System.arraycopy(samples, 0, audio, length, samples.length);
        length += samples.length;
    }

    short[] audio(int from, int to) {
        return Arrays.copyOfRange(audio, from, to);
    }

    /**
     * The words heard when playback stopped {@code playedSamples} into this sentence: the text is cut
     * in proportion to the audio played, back to the last word boundary (a word half said is not
     * counted as said).
     */
    String heard(long playedSamples) {
        if (!started() || playedSamples <= 0) {
            return "";
        }
        if (synthesized && playedSamples >= length) {
            return text;
        }
        if (length == 0) {
            return "";
        }
        int cut = (int) Math.min(text.length(), Math.round((double) text.length() * playedSamples / length));
        if (cut < text.length() && !Character.isWhitespace(text.charAt(cut))) {
            int space = text.lastIndexOf(' ', cut);
            cut = Math.max(space, 0);
        }
        return text.substring(0, cut).strip();
    }
}
