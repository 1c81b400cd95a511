package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void emitsEachSentenceAsSoonAsTheNextOneBegins() {
        SentenceSplitter splitter = new SentenceSplitter();
        assertThat(splitter.push("You have forty-two minutes")).isEmpty();
        assertThat(splitter.push(" left on your card.")).isEmpty();
        assertThat(splitter.push(" Want")).containsExactly("You have forty-two minutes left on your card.");
        assertThat(splitter.push(" more time?")).isEmpty();
        assertThat(splitter.finish()).isEqualTo("Want more time?");
        assertThat(splitter.finish()).isNull();
    }

    @Test
    void joinsVeryShortSentencesToTheNext() {
        assertThat(SentenceSplitter.split("Sure. Let me look that up for you. Done!"))
                .containsExactly("Sure. Let me look that up for you.", "Done!");
    }

    @Test
    void doesNotBreakAtAbbreviationsOrDecimals() {
        assertThat(SentenceSplitter.split(
                        "Dr. Smith said the rate is 3.5 dollars per hour today. Thanks for asking me."))
                .containsExactly("Dr. Smith said the rate is 3.5 dollars per hour today.", "Thanks for asking me.");
    }

    @Test
    void streamedPiecesGiveTheSameSentencesAsTheWholeText() {
        String text = "Your balance is low. Would you like to buy the five hour card? It costs twenty dollars.";
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> streamed = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 3) {
            streamed.addAll(splitter.push(text.substring(i, Math.min(text.length(), i + 3))));
        }
        streamed.add(splitter.finish());
        assertThat(streamed).isEqualTo(SentenceSplitter.split(text));
        assertThat(streamed).hasSize(3);
    }
}
