package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.Vad;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Silero model (scripts/install-voice) on ONNX Runtime, fed real synthetic speech. */
@Tag("e2e")
class SileroVadIT {

    static SileroVad vad;

    @BeforeAll
    static void load() {
        vad = SileroVad.load(VoicePeers.sileroModel());
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void separatesFliteSpeechFromSilenceAndNoise() {
        try (FliteTts flite = VoicePeers.flite()) {
            assertSeparates(Speech.say(flite, "I want to buy thirty more minutes, please."));
        }
    }

    @Test
    void separatesFreeTtsSpeechFromSilenceAndNoise() {
        try (FreeTts freeTts = new FreeTts()) {
            assertSeparates(Speech.say(freeTts, "How much time do I have left?"));
        }
    }

    /**
     * One second of silence, one of hiss at -40 dBFS (loud enough to fool an energy detector), the
     * speech, one more second of hiss: the padding must read as not speech, and most of the speech
     * as speech (the pauses between words rightly score low).
     */
    private static void assertSeparates(short[] speech) {
        short[] silence = Speech.silence(1.0);
        short[] hiss = Speech.noise(1.0, -40, 7);
        short[] clip = Speech.concat(silence, hiss, speech, Speech.noise(1.0, -40, 8));
        float[] p = probabilities(vad.newStream(), clip);
        int speechStart = (silence.length + hiss.length) / 512;
        int speechEnd = (silence.length + hiss.length + speech.length) / 512;
        // the recurrent state needs a few windows to settle at the start and after the speech
        float[] padding =
                concat(Arrays.copyOfRange(p, 3, speechStart - 1), Arrays.copyOfRange(p, speechEnd + 8, p.length));
        float[] spoken = Arrays.copyOfRange(p, speechStart, speechEnd);
        assertThat(fractionAbove(padding, 0.5f))
                .as("padding windows heard as speech")
                .isLessThan(0.03);
        assertThat(fractionAbove(spoken, 0.5f))
                .as("speech windows heard as speech")
                .isGreaterThan(0.6);
        assertThat(new EnergyVad().newStream().probability(Arrays.copyOf(hiss, 512)))
                .as("the hiss an energy detector takes for speech")
                .isGreaterThan(0.8f);
    }

    @Test
    void streamsKeepTheirOwnStateWhileSharingTheSession() throws Exception {
        short[] clip;
        try (FreeTts freeTts = new FreeTts()) {
            clip = Speech.concat(Speech.silence(0.5), Speech.say(freeTts, "Hello, what packages are there?"));
        }
        float[] alone = probabilities(vad.newStream(), clip);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<float[]>[] together = new Future[4];
            for (int i = 0; i < together.length; i++) {
                together[i] = pool.submit(() -> probabilities(vad.newStream(), clip));
            }
            for (Future<float[]> f : together) {
                assertThat(f.get()).containsExactly(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static float[] probabilities(Vad.VadStream stream, short[] clip) {
        float[] p = new float[clip.length / 512];
        for (int w = 0; w < p.length; w++) {
            p[w] = stream.probability(Arrays.copyOfRange(clip, w * 512, (w + 1) * 512));
        }
        return p;
    }

    private static double fractionAbove(float[] values, float threshold) {
        int n = 0;
        for (float v : values) {
            if (v > threshold) {
                n++;
            }
        }
        return (double) n / values.length;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
