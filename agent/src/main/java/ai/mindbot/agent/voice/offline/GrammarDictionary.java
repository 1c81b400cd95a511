package ai.mindbot.agent.voice.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pronouncing dictionary cut down to the words of a JSGF grammar. pocketsphinx reads its whole
 * dictionary into every decoder, and a grammar uses a few hundred of cmudict's 134,000 words.
 * Files are made once per (grammar, dictionary) and kept for the life of the process.
 */
final class GrammarDictionary {

    /** Words of a grammar body: tokens that are not rule references, keywords or JSGF syntax. */
    private static final Pattern WORD = Pattern.compile("(?<![<\\w'])[a-z][a-z']*(?![>\\w'])");

    private static final Set<String> JSGF_KEYWORDS = Set.of("public");
    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

    private GrammarDictionary() {}

    static Path forGrammar(Path grammar, Path dictionary) {
        return MADE.computeIfAbsent(grammar + "|" + dictionary, key -> write(grammar, dictionary));
    }

    static Set<String> words(String grammarText) {
        String withoutComments = grammarText.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
        Set<String> words = new HashSet<>();
        for (String line : withoutComments.split("\\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.startsWith("grammar ") || trimmed.startsWith("import ")) {
                continue; // the JSGF header and declarations name no words
            }
            Matcher m = WORD.matcher(line.toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (!JSGF_KEYWORDS.contains(m.group())) {
                    words.add(m.group());
                }
            }
        }
        return words;
    }

    private static Path write(Path grammar, Path dictionary) {
        try {
            Set<String> wanted = words(Files.readString(grammar, StandardCharsets.UTF_8));
            List<String> entries = new ArrayList<>();
            Set<String> found = new HashSet<>();
            for (String line : Files.readAllLines(dictionary, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String word = line.substring(0, space);
                int variant = word.indexOf('('); // "hello(2)": another pronunciation of hello
                String base = variant > 0 ? word.substring(0, variant) : word;
                if (wanted.contains(base)) {
                    entries.add(line);
                    found.add(base);
                }
            }
            wanted.removeAll(found);
            if (!wanted.isEmpty()) {
                throw new IllegalArgumentException(
                        "words of " + grammar + " missing from " + dictionary + ": " + wanted);
            }
            Path file = Files.createTempFile("mindbot-grammar-", ".dict");
            file.toFile().deleteOnExit();
            Files.write(file, entries, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
