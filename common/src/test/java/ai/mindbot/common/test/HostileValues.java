package ai.mindbot.common.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated hostile values for property-style tests of every POST endpoint: what an attacker or a
 * careless client sends. Each value is a raw JSON literal (so a lone surrogate can be written as the
 * escape a real client would send) with a label for the failure message, and says whether every
 * endpoint must refuse it wherever it goes. Text that is hostile only in intent (SQL-looking,
 * composed vs decomposed Unicode) is legitimate text: an endpoint may accept it, as long as it
 * neither fails nor writes anything when it refuses.
 *
 * <p>The generator is seeded, so a failure repeats; the seed is part of every label.
 */
public final class HostileValues {

    /** One value: {@code json} is a JSON literal; {@code alwaysRefused} holds for every field. */
    public record Value(String label, String json, boolean alwaysRefused) {}

    private static final String[] CONTROLS = {
        "\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u202e", "\\u200b", "\\r\\n", "\\t"
    };
    private static final String[] SQL = {
        "' OR 1=1 --",
        "\\\"; DROP TABLE users; --",
        "1; SELECT pg_sleep(5)",
        "%' OR '%'='",
        "\\\\",
        "') UNION SELECT password_hash FROM users --"
    };
    private static final String[] NORMALIZATION = {
        "e\\u0301", "\\u00e9", "\\u212b", "\\u00c5", "\\ufb01", "\\uff41\\uff44\\uff41", "\\u0130", "\\u1e9b\\u0323"
    };

    private HostileValues() {}

    /** {@code count} generated text values (plus the fixed edge cases), from a fixed seed. */
    public static List<Value> texts(long seed, int count) {
        List<Value> values = new ArrayList<>();
        values.add(new Value("lone high surrogate", "\"Abcdefgh\\ud83d\"", true));
        values.add(new Value("lone low surrogate", "\"\\ude00Abcdefgh\"", true));
        values.add(new Value("reversed pair", "\"Abcd\\ude00\\ud83defgh\"", true));
        values.add(new Value("NUL inside", "\"Abcd\\u0000efgh\"", true));
        values.add(new Value("10 000 characters", "\"" + "A".repeat(10_000) + "\"", true));
        values.add(new Value("empty", "\"\"", false));
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(4);
            StringBuilder text = new StringBuilder("Ab");
            boolean refused = false;
            for (int part = 0; part < 1 + random.nextInt(3); part++) {
                switch (kind) {
                    case 0 -> {
                        String control = CONTROLS[random.nextInt(CONTROLS.length)];
                        text.append(control).append("cd");
                        refused |= control.equals("\\u0000");
                    }
                    case 1 -> text.append(SQL[random.nextInt(SQL.length)]);
                    case 2 -> text.append(NORMALIZATION[random.nextInt(NORMALIZATION.length)]);
                    default -> {
                        text.append(random.nextBoolean() ? "\\ud83d" : "\\udc00")
                                .append("x");
                        refused = true;
                    }
                }
            }
            String label = switch (kind) {
                case 0 -> "control characters";
                case 1 -> "SQL-looking";
                case 2 -> "normalization variants";
                default -> "lone surrogates";
            };
            values.add(new Value(label + " #" + i + " (seed " + seed + ")", "\"" + text + "\"", refused));
        }
        return values;
    }

    /** What a careless client puts where an integer belongs: all refused there. */
    public static List<Value> nonIntegers() {
        List<Value> values = new ArrayList<>();
        for (String n : new String[] {
            "1.5",
            "2.9",
            "-0.5",
            "60.0",
            "1e3",
            "1e400",
            "99999999999999999999999",
            "\"60\"",
            "true",
            "[60]",
            "{\"n\":60}"
        }) {
            values.add(new Value("non-integer " + n, n, true));
        }
        return values;
    }

    /** Field names and raw JSON literals, alternating, in order. */
    public static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** A JSON object from raw literals, with {@code field} replaced by {@code value}. */
    public static String body(Map<String, String> fields, String field, String value) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        fields.forEach((name, literal) -> json.add("\"" + name + "\":" + (name.equals(field) ? value : literal)));
        return json.toString();
    }

    /** The value as a path segment: the text percent-encoded as UTF-8 (lone surrogates become U+FFFD). */
    public static String pathSegment(Value value) {
        String text = value.json().startsWith("\"") ? unescape(value.json()) : value.json();
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unescape(String literal) {
        return JsonMapper.builder().build().readValue(literal, String.class);
    }
}
