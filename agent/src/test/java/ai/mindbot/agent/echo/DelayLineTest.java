package ai.mindbot.agent.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayLineTest {

    @Test
    void playsSilenceThenTheInputExactlyDelaySamplesLater() {
        DelayLine line = new DelayLine(5);

        assertThat(line.push(new short[] {1, 2, 3})).containsExactly(0, 0, 0);
        assertThat(line.push(new short[] {4, 5, 6})).containsExactly(0, 0, 1);
        assertThat(line.push(new short[] {7, 8, 9, 10})).containsExactly(2, 3, 4, 5);
    }

    @Test
    void handlesFramesLongerThanTheDelay() {
        DelayLine line = new DelayLine(2);

        assertThat(line.push(new short[] {1, 2, 3, 4, 5})).containsExactly(0, 0, 1, 2, 3);
    }
}
