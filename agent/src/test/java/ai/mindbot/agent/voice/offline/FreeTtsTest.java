package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.TtsEvent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FreeTtsTest {

    static FreeTts tts;

    @BeforeAll
    static void voice() {
        tts = new FreeTts();
    }

    @AfterAll
    static void close() {
        tts.close();
    }

    @Test
    void speaksASentenceAsAudibleSixteenKilohertzSpeech() {
        short[] audio = Speech.say(tts, "How much time do I have left?");
        double seconds = audio.length / 16_000.0;
        // seven words at a speaking rate of 2 to 5 words a second
        assertThat(seconds).isBetween(1.2, 3.5);
        assertThat(Speech.rms(audio)).as("RMS level").isGreaterThan(1000);
        assertThat(tts.sampleRate()).isEqualTo(16_000);
    }

    @Test
    void speechIsLouderWhereTheWordsAreThanInItsPauses() {
        short[] audio = Speech.say(tts, "Hello. Goodbye.");
        // speech alternates voiced and quiet stretches; a tone or noise would not
        int windows = audio.length / 512;
        int loud = 0;
        int quiet = 0;
        for (int w = 0; w < windows; w++) {
            double dbfs = EnergyVad.dbfs(Arrays.copyOfRange(audio, w * 512, (w + 1) * 512));
            if (dbfs > -30) {
                loud++;
            } else if (dbfs < -50) {
                quiet++;
            }
        }
        assertThat(loud).isGreaterThan(windows / 4);
        assertThat(quiet).isGreaterThan(0);
    }

    @Test
    void longerTextMakesLongerSpeech() {
        int shortText = Speech.say(tts, "Hello.").length;
        int longText =
                Speech.say(tts, "Hello, you have two hours and thirty minutes of conversation time left.").length;
        assertThat(longText).isGreaterThan(3 * shortText);
    }

    @Test
    void cancelStopsDeliveryAndSendsNoDone() throws Exception {
        List<TtsEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstAudio = new CountDownLatch(1);
        String text = "This is a long answer. ".repeat(30);
        Cancellable speaking = tts.synthesize(text, e -> {
            events.add(e);
            firstAudio.countDown();
        });
        assertThat(firstAudio.await(10, TimeUnit.SECONDS)).isTrue();
        speaking.cancel();
        int atCancel = events.size();
        // the next text is spoken, so the worker is free again: the cancelled one has finished
        assertThat(Speech.say(tts, "Hello.")).isNotEmpty();
        assertThat(events.size()).isLessThanOrEqualTo(atCancel + 1); // at most the piece in flight
        assertThat(events).noneMatch(e -> e instanceof TtsEvent.Done);
        int delivered = events.stream()
                .filter(TtsEvent.Audio.class::isInstance)
                .mapToInt(e -> ((TtsEvent.Audio) e).samples().length)
                .sum();
        assertThat(delivered / 16_000.0).as("seconds delivered of a ~40 s text").isLessThan(10);
    }

    @Test
    void speaksTextsInTheOrderGiven() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        tts.synthesize("First sentence here.", e -> {
            if (e instanceof TtsEvent.Done) {
                order.add("first");
                done.countDown();
            }
        });
        tts.synthesize("Second.", e -> {
            if (e instanceof TtsEvent.Done) {
                order.add("second");
                done.countDown();
            }
        });
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("first", "second");
    }
}
