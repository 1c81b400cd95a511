package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** flite (scripts/install-voice) as a subprocess. */
@Tag("e2e")
class FliteTtsIT {

    @Test
    void speaksASentenceAsAudibleSixteenKilohertzSpeech() {
        try (FliteTts flite = VoicePeers.flite()) {
            short[] audio = Speech.say(flite, "What's the weather in Berlin?");
            assertThat(audio.length / 16_000.0).isBetween(1.0, 3.5);
            assertThat(Speech.rms(audio)).isGreaterThan(1000);
        }
    }

    @Test
    void deliversLongSpeechInPieces() {
        try (FliteTts flite = VoicePeers.flite()) {
            List<TtsEvent> events = new CopyOnWriteArrayList<>();
            Speech.say(
                    new RecordingTts(flite, events),
                    "You have two hours and thirty minutes of conversation time left.");
            long pieces =
                    events.stream().filter(TtsEvent.Audio.class::isInstance).count();
            assertThat(pieces).isGreaterThan(10); // 100 ms each
            assertThat(events.get(events.size() - 1)).isInstanceOf(TtsEvent.Done.class);
        }
    }

    @Test
    void cancelKillsTheProcessAndStopsDelivery() throws Exception {
        try (FliteTts flite = VoicePeers.flite()) {
            List<TtsEvent> events = new CopyOnWriteArrayList<>();
            CountDownLatch firstAudio = new CountDownLatch(1);
            Cancellable speaking = flite.synthesize("This is a long answer that goes on. ".repeat(40), e -> {
                events.add(e);
                firstAudio.countDown();
            });
            assertThat(firstAudio.await(20, TimeUnit.SECONDS)).isTrue();
            speaking.cancel();
            int atCancel = events.size();
            Thread.sleep(500);
            assertThat(events.size()).isLessThanOrEqualTo(atCancel + 1); // at most the piece in flight
            assertThat(events).noneMatch(e -> e instanceof TtsEvent.Done || e instanceof TtsEvent.Failed);
            assertThat(ProcessHandle.current()
                            .children()
                            .filter(p -> p.info().command().orElse("").endsWith("flite")))
                    .as("flite processes left running")
                    .isEmpty();
        }
    }

    @Test
    void blankTextIsDoneAtOnce() {
        try (FliteTts flite = VoicePeers.flite()) {
            assertThat(Speech.say(flite, "  ")).isEmpty();
        }
    }

    /** Passes events through and records them. */
    private record RecordingTts(FliteTts tts, List<TtsEvent> events) implements Tts {
        @Override
        public int sampleRate() {
            return tts.sampleRate();
        }

        @Override
        public Cancellable synthesize(String text, Consumer<TtsEvent> sink) {
            return tts.synthesize(text, e -> {
                events.add(e);
                sink.accept(e);
            });
        }
    }
}
