package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrammarDictionaryTest {

    private static final String GRAMMAR = """
            #JSGF V1.0;
            /* a comment with words */
            grammar demo;
            public <utterance> = [<opener>] what's my balance | thank you;
            <opener> = hello;
            """;

    @Test
    void takesTheWordsAndNotTheRuleNamesKeywordsOrComments() {
        assertThat(GrammarDictionary.words(GRAMMAR))
                .containsExactlyInAnyOrder("what's", "my", "balance", "thank", "you", "hello");
    }

    @Test
    void keepsEveryPronunciationOfTheGrammarsWordsAndNothingElse(@TempDir Path dir) throws Exception {
        Path grammar = Files.writeString(dir.resolve("demo.gram"), GRAMMAR);
        Path dictionary = Files.writeString(
                dir.resolve("full.dict"),
                String.join(
                        "\n",
                        "balance B AE L AH N S",
                        "balanced B AE L AH N S T",
                        "hello HH AH L OW",
                        "hello(2) HH EH L OW",
                        "my M AY",
                        "thank TH AE NG K",
                        "what's W AH T S",
                        "whats W AH T S",
                        "you Y UW",
                        ""));
        Path trimmed = GrammarDictionary.forGrammar(grammar, dictionary);
        assertThat(Files.readAllLines(trimmed))
                .containsExactly(
                        "balance B AE L AH N S",
                        "hello HH AH L OW",
                        "hello(2) HH EH L OW",
                        "my M AY",
                        "thank TH AE NG K",
                        "what's W AH T S",
                        "you Y UW");
    }

    @Test
    void namesTheWordsTheDictionaryLacks(@TempDir Path dir) throws Exception {
        Path grammar = Files.writeString(dir.resolve("demo.gram"), "grammar demo;\npublic <u> = hello mindbot;\n");
        Path dictionary = Files.writeString(dir.resolve("full.dict"), "hello HH AH L OW\n");
        assertThatThrownBy(() -> GrammarDictionary.forGrammar(grammar, dictionary))
                .hasMessageContaining("[mindbot]");
    }

    @Test
    void theBundledGrammarParses() throws Exception {
        var words = GrammarDictionary.words(Files.readString(PocketsphinxModel.mindbotGrammar()));
        assertThat(words)
                .contains("balance", "packages", "weather", "berlin", "goodbye", "thirty", "minutes")
                .doesNotContain("utterance", "opener", "mindbot", "grammar", "public");
    }
}
