package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsInsertionsAndDeletions() {
        assertThat(WordErrorRate.of("how much time do I have", "how much time do I have")
                        .errors())
                .isZero();
        assertThat(WordErrorRate.of("how much time do I have", "how much tide do I have")
                        .errors())
                .isEqualTo(1);
        assertThat(WordErrorRate.of("how much time do I have", "how much time do I have left")
                        .errors())
                .isEqualTo(1);
        assertThat(WordErrorRate.of("how much time do I have", "much time I have")
                        .errors())
                .isEqualTo(2);
        assertThat(WordErrorRate.of("hello", "").errors()).isEqualTo(1);
    }

    @Test
    void ignoresCaseAndPunctuationButKeepsApostrophes() {
        assertThat(WordErrorRate.of("What's the weather in Berlin?", "what's the weather in berlin")
                        .errors())
                .isZero();
        assertThat(WordErrorRate.of("What's the weather", "what is the weather").errors())
                .isEqualTo(2);
    }

    @Test
    void addsUpOverAPhraseSet() {
        WordErrorRate total = WordErrorRate.of("thank you", "thank you").plus(WordErrorRate.of("goodbye", "good bye"));
        assertThat(total.referenceWords()).isEqualTo(3);
        assertThat(total.errors()).isEqualTo(2);
        assertThat(total.rate()).isEqualTo(2.0 / 3);
    }
}
