package ai.mindbot.agent.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a model's streamed text into sentences as it arrives, so speech synthesis can start on the
 * first sentence instead of the whole answer. A sentence ends at {@code . ! ?} (or a line break)
 * followed by white space; very short pieces ("Sure.") are joined to the next one, because a TTS
 * voice says a two-word fragment with odd prosody and each request costs a round trip. Not
 * thread-safe.
 */
final class SentenceSplitter {

    /** Shorter pieces are joined to the next sentence (LiveKit's tokenizer uses 20 characters too). */
    static final int MIN_CHARS = 20;

    private static final Set<String> ABBREVIATIONS =
            Set.of("mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "no", "approx", "min", "sec");

    private final StringBuilder pending = new StringBuilder();

    /** Adds streamed text; returns the sentences it completed (maybe none). */
    List<String> push(String text) {
        pending.append(text);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pending.length() - 1; i++) {
            char c = pending.charAt(i);
            boolean boundary = c == '\n'
                    || ((c == '.' || c == '!' || c == '?')
                            && Character.isWhitespace(pending.charAt(i + 1))
                            && !abbreviationBefore(i));
            if (boundary) {
                String sentence = pending.substring(start, i + 1).strip();
                if (sentence.length() >= MIN_CHARS) {
                    out.add(sentence);
                    start = i + 1;
                }
            }
        }
        pending.delete(0, start);
        return out;
    }

    /** The rest of the text, at the end of the stream; null when there is none. */
    String finish() {
        String rest = pending.toString().strip();
        pending.setLength(0);
        return rest.isEmpty() ? null : rest;
    }

    /** Splits a whole text at once. */
    static List<String> split(String text) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>(splitter.push(text));
        String rest = splitter.finish();
        if (rest != null) {
            sentences.add(rest);
        }
        return sentences;
    }

    private boolean abbreviationBefore(int dot) {
        if (pending.charAt(dot) != '.') {
            return false;
        }
        int begin = dot;
        while (begin > 0 && !Character.isWhitespace(pending.charAt(begin - 1))) {
            begin--;
        }
        String word = pending.substring(begin, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }
}
