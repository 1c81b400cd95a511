package ai.mindbot.common.web;

/**
 * The rule every service applies to text that comes in: it must be real Unicode text. A lone
 * UTF-16 surrogate (valid as a JSON escape such as {@code "\\ud83d"}, but no character) makes every encoder throw,
 * from the password hash to the database driver, and NUL cannot be stored in PostgreSQL text.
 * Both are refused where the request is read, so no feature has to remember them.
 */
public final class UnicodeText {

    private UnicodeText() {}

    /** Why {@code text} is not acceptable text, or null when it is. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a whole pair is one ordinary character
                    continue;
                }
                return "must be valid Unicode text (it holds half of a surrogate pair)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text (it holds half of a surrogate pair)";
            }
        }
        return null;
    }

    /** True when the text holds a control character (C0, DEL, C1) or an invisible format character such as U+202E. */
    public static boolean hasControlOrFormat(String text) {
        return text.codePoints()
                .anyMatch(
                        cp -> Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT);
    }
}
