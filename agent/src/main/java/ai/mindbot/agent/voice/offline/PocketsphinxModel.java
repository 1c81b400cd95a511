package ai.mindbot.agent.voice.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What pocketsphinx recognises with: an acoustic model (how phones sound), a pronouncing dictionary
 * and either a statistical language model or a JSGF grammar (which word sequences to expect).
 *
 * <p>The general en-us language model knows 130,000 words, so on a muffled word it has many wrong
 * guesses to choose from; {@link #mindbotIntents} constrains it to what people say to MindBot, which
 * makes it much harder to mishear a known phrase, at the price of forcing everything else into the
 * nearest known phrase.
 */
public record PocketsphinxModel(Path acousticModel, Path dictionary, LanguageModel languageModel) {

    /** Where Debian's {@code pocketsphinx-en-us} installs the model. */
    public static final Path DEBIAN_EN_US = Path.of("/usr/share/pocketsphinx/model/en-us");

    public PocketsphinxModel {
        requireExists(acousticModel, "acoustic model");
        requireExists(dictionary, "dictionary");
        if (languageModel == null) {
            throw new IllegalArgumentException("a language model or grammar is required");
        }
        requireExists(languageModel.file(), "language model");
    }

    /** Which word sequences the decoder expects. */
    public sealed interface LanguageModel {
        Path file();

        /** An ARPA or binary n-gram model ({@code -lm}). */
        record NGram(Path file) implements LanguageModel {}

        /** A JSGF grammar ({@code -jsgf}). */
        record Grammar(Path file) implements LanguageModel {}
    }

    /** The general en-us model as Debian installs it under {@code dir}. */
    public static PocketsphinxModel general(Path dir) {
        return new PocketsphinxModel(
                dir.resolve("en-us"),
                dir.resolve("cmudict-en-us.dict"),
                new LanguageModel.NGram(dir.resolve("en-us.lm.bin")));
    }

    /**
     * The en-us acoustic model with the grammar of MindBot's intents (mindbot.gram) and only the
     * grammar's words of the dictionary: reading all 134,000 entries took 0.5 s and 10 MB per decoder.
     */
    public static PocketsphinxModel mindbotIntents(Path dir) {
        Path grammar = mindbotGrammar();
        return new PocketsphinxModel(
                dir.resolve("en-us"),
                GrammarDictionary.forGrammar(grammar, dir.resolve("cmudict-en-us.dict")),
                new LanguageModel.Grammar(grammar));
    }

    /** cmd_ln arguments for {@code ps_init}. */
    List<String> arguments() {
        return List.of(
                "-hmm",
                acousticModel.toString(),
                "-dict",
                dictionary.toString(),
                languageModel instanceof LanguageModel.Grammar ? "-jsgf" : "-lm",
                languageModel.file().toString(),
                "-samprate",
                "16000",
                // the decoder's log goes through sphinxbase's C stdio; ours is the agent's log
                "-logfn",
                "/dev/null");
    }

    /** The bundled grammar, copied to a file once: the C library reads paths, not class-path resources. */
    static Path mindbotGrammar() {
        return BundledGrammar.FILE;
    }

    /** Holder: the copy is made on first use, once, thread-safely. */
    private static final class BundledGrammar {
        static final Path FILE = copy();

        private BundledGrammar() {}
    }

    private static Path copy() {
        try {
            Path file = Files.createTempFile("mindbot-", ".gram");
            file.toFile().deleteOnExit();
            try (InputStream in = PocketsphinxModel.class.getResourceAsStream("mindbot.gram")) {
                if (in == null) {
                    throw new IllegalStateException("mindbot.gram is missing from the class path");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireExists(Path path, String what) {
        if (path == null || !Files.exists(path)) {
            throw new IllegalArgumentException("pocketsphinx " + what + " not found: " + path);
        }
    }
}
