package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.agent.voice.Vad;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    private final Vad vad = new EnergyVad();

    @Test
    void hearsNothingInDigitalSilence() {
        try (Vad.VadStream stream = vad.newStream()) {
            assertThat(stream.probability(new short[512])).isLessThan(0.01f);
        }
    }

    @Test
    void hearsSpeechLevelSoundAndNotARoomsHiss() {
        try (Vad.VadStream stream = vad.newStream()) {
            assertThat(stream.probability(window(Speech.noise(0.032, -25, 1)))).isGreaterThan(0.99f);
            assertThat(stream.probability(window(Speech.noise(0.032, -65, 2)))).isLessThan(0.01f);
        }
    }

    @Test
    void risesSmoothlyAroundItsThreshold() {
        Vad.VadStream stream = new EnergyVad(-40).newStream();
        float below = stream.probability(window(Speech.noise(0.032, -43, 3)));
        float at = stream.probability(window(Speech.noise(0.032, -40, 4)));
        float above = stream.probability(window(Speech.noise(0.032, -37, 5)));
        assertThat(below).isBetween(0.1f, 0.4f);
        assertThat(at).isBetween(0.4f, 0.6f);
        assertThat(above).isBetween(0.6f, 0.9f);
    }

    @Test
    void givesTheSameAnswerForTheSameWindow() {
        short[] window = window(Speech.noise(0.032, -44, 6));
        assertThat(vad.newStream().probability(window))
                .isEqualTo(vad.newStream().probability(window));
    }

    @Test
    void takesSilerosWindowOnly() {
        assertThat(vad.windowSamples()).isEqualTo(512);
        assertThatThrownBy(() -> vad.newStream().probability(new short[480]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnergyVad(3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static short[] window(short[] samples) {
        return Arrays.copyOf(samples, 512);
    }
}
