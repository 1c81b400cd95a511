package ai.mindbot.agent.voice.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: word-level edit distance (substitutions, insertions, deletions) over the reference length. */
record WordErrorRate(int errors, int referenceWords) {

    static WordErrorRate of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        int[][] d = new int[ref.size() + 1][hyp.size() + 1];
        for (int i = 0; i <= ref.size(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= hyp.size(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            for (int j = 1; j <= hyp.size(); j++) {
                int substitute = d[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                d[i][j] = Math.min(substitute, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return new WordErrorRate(d[ref.size()][hyp.size()], ref.size());
    }

    WordErrorRate plus(WordErrorRate other) {
        return new WordErrorRate(errors + other.errors, referenceWords + other.referenceWords);
    }

    double rate() {
        return referenceWords == 0 ? 0 : (double) errors / referenceWords;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * rate(), errors, referenceWords);
    }

    /** Lower case, punctuation other than apostrophes dropped: "What's the weather?" is 3 words. */
    static List<String> words(String text) {
        String cleaned =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }
}
