package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTest {

    private static Sentence synthesised(String text, int samples) {
        Sentence s = new Sentence(text, true, 1);
        s.start = 0;
        s.append(new short[samples]);
        s.synthesized = true;
        return s;
    }

    @Test
    void cutsTheTextInProportionToTheAudioPlayedBackToAWordBoundary() {
        Sentence s = synthesised("one two three four", 1800); // 18 characters, 100 samples each
        assertThat(s.heard(0)).isEmpty();
        assertThat(s.heard(500)).isEqualTo("one"); // "one t|wo": the half-said word is not counted
        assertThat(s.heard(800)).isEqualTo("one two"); // right after "two"
        assertThat(s.heard(1700)).isEqualTo("one two three");
        assertThat(s.heard(1800)).isEqualTo("one two three four");
        assertThat(s.heard(5000)).isEqualTo("one two three four");
    }

    @Test
    void aSentenceNotYetStartedWasNotHeard() {
        Sentence s = new Sentence("not yet", true, 1);
        assertThat(s.heard(1000)).isEmpty();
    }
}
