package ai.mindbot.agent.mindbot.brain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An utterance as words: lower case, punctuation gone, contractions spelled out, so typed chat and
 * recogniser output ("whats the weather in berlin") read the same. Keywords match exactly or, for
 * words of five letters or more, one edit away ("balanse", "pakages"), which covers most misspellings
 * and mishearings without making short words collide.
 */
final class Words {

    private final List<String> words;
    private final String text;

    private Words(List<String> words) {
        this.words = words;
        this.text = " " + String.join(" ", words) + " ";
    }

    static Words of(String utterance) {
        String s = utterance == null ? "" : utterance.toLowerCase(Locale.ROOT).replace('’', '\'');
        s = s.replaceAll("\\bwhat's\\b|\\bwhats\\b", "what is")
                .replaceAll("\\bhow's\\b|\\bhows\\b", "how is")
                .replaceAll("\\bit's\\b", "it is")
                .replaceAll("\\bi'm\\b|\\bim\\b", "i am")
                .replaceAll("\\bwe've\\b", "we have")
                .replaceAll("\\bi've\\b", "i have")
                .replaceAll("\\bthat's\\b", "that is")
                .replaceAll("'s\\b", "")
                .replaceAll("[^a-z0-9 ]", " ")
                .strip();
        return new Words(s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+")));
    }

    List<String> list() {
        return words;
    }

    int size() {
        return words.size();
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** A whole phrase, word-aligned: {@code has("thank you")}. */
    boolean has(String phrase) {
        return text.contains(" " + phrase + " ");
    }

    boolean hasAnyPhrase(String... phrases) {
        for (String phrase : phrases) {
            if (has(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Any word matching any keyword, allowing one edit in long keywords. */
    boolean hasAny(Set<String> keywords) {
        return indexOfAny(keywords) >= 0;
    }

    int indexOfAny(Set<String> keywords) {
        for (int i = 0; i < words.size(); i++) {
            if (matches(words.get(i), keywords)) {
                return i;
            }
        }
        return -1;
    }

    static boolean matches(String word, Set<String> keywords) {
        if (keywords.contains(word)) {
            return true;
        }
        if (word.length() < 5) {
            return false;
        }
        for (String keyword : keywords) {
            if (keyword.length() >= 5
                    && Math.abs(keyword.length() - word.length()) <= 1
                    && withinOneEdit(word, keyword)) {
                return true;
            }
        }
        return false;
    }

    private static boolean withinOneEdit(String a, String b) {
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
