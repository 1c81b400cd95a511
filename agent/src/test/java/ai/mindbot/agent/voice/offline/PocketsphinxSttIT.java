package ai.mindbot.agent.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.Tts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real speech in: flite and FreeTTS say MindBot's phrases, the audio makes the round trip a room
 * gives it (16 kHz up to 48 kHz and back) and pocketsphinx transcribes it as a stream. Synthetic
 * speech shares its lexicon with pocketsphinx, so this proves the plumbing, not real-world accuracy.
 */
@Tag("e2e")
class PocketsphinxSttIT {

    static final List<String> PHRASES = List.of(
            "how much time do I have left",
            "what packages are there",
            "what's the weather in Berlin",
            "hello",
            "goodbye",
            "thank you",
            "I want to buy thirty more minutes",
            "add ten minutes to my balance",
            "how many hours do I have left",
            "how much does it cost");

    static FliteTts flite;
    static FreeTts freeTts;

    @BeforeAll
    static void voices() {
        flite = VoicePeers.flite();
        freeTts = new FreeTts();
    }

    @AfterAll
    static void close() {
        flite.close();
        freeTts.close();
    }

    @Test
    void transcribesFliteSpeechAfterTheRoomRoundTripAndFindsTheKeyWords() throws Exception {
        List<String> heard = new ArrayList<>();
        WordErrorRate wer = transcribeAll(new PocketsphinxStt(VoicePeers.generalModel()), flite, heard);
        assertThat(wer.rate())
                .as("WER of flite slt through the general model: %s", wer)
                .isLessThanOrEqualTo(0.20);
        assertThat(heard.get(0)).contains("time");
        assertThat(heard.get(1)).contains("package"); // slt's "packages are" is often heard as "package is"
        assertThat(heard.get(2)).contains("weather").contains("berlin");
        assertThat(heard.get(6)).contains("minutes");
        assertThat(heard.get(7)).contains("balance");
    }

    @Test
    void transcribesFreeTtsSpeechAfterTheRoomRoundTrip() throws Exception {
        WordErrorRate wer = transcribeAll(new PocketsphinxStt(VoicePeers.generalModel()), freeTts, new ArrayList<>());
        assertThat(wer.rate())
                .as("WER of FreeTTS kevin16 through the general model: %s", wer)
                .isLessThanOrEqualTo(0.20);
    }

    @Test
    void theIntentGrammarRecognisesMindBotsPhrases() throws Exception {
        WordErrorRate wer = transcribeAll(new PocketsphinxStt(VoicePeers.intentGrammar()), flite, new ArrayList<>());
        assertThat(wer.rate())
                .as("WER of flite slt through the intent grammar: %s", wer)
                .isLessThanOrEqualTo(0.10);
    }

    @Test
    void streamsInterimHypothesesThenAFinalOnFlush() throws Exception {
        short[] speech = Speech.throughTheRoom(Speech.say(flite, "I want to buy thirty more minutes please"));
        List<SttEvent> events = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Stt stt = new PocketsphinxStt(VoicePeers.generalModel());
        try (Stt.SttStream stream = stt.stream(e -> {
            events.add(e);
            threads.add(Thread.currentThread());
        })) {
            Thread caller = Thread.currentThread();
            pushLikeARoom(stream, Speech.concat(Speech.silence(0.3), speech));
            stream.flush();
            awaitEnd(events);
            assertThat(threads).doesNotContain(caller);
        }
        assertThat(events.get(0)).isInstanceOf(SttEvent.StartOfSpeech.class);
        List<String> interims = events.stream()
                .filter(SttEvent.Interim.class::isInstance)
                .map(e -> ((SttEvent.Interim) e).text())
                .toList();
        assertThat(interims).as("interim hypotheses").hasSizeGreaterThanOrEqualTo(2);
        SttEvent.Final last = (SttEvent.Final) events.get(events.size() - 2);
        assertThat(last.text()).contains("thirty").contains("minutes");
        assertThat(last.confidence()).isBetween(0.0, 1.0);
        assertThat(events.get(events.size() - 1)).isInstanceOf(SttEvent.EndOfSpeech.class);
        assertThat(events.indexOf(last))
                .isGreaterThan(events.indexOf(events.stream()
                        .filter(SttEvent.Interim.class::isInstance)
                        .findFirst()
                        .orElseThrow()));
    }

    @Test
    void endsAnUtteranceOnItsOwnWhenTheSpeakerPauses() throws Exception {
        short[] first = Speech.say(flite, "hello");
        short[] second = Speech.say(flite, "what packages are there");
        List<SttEvent> events = new CopyOnWriteArrayList<>();
        try (Stt.SttStream stream = new PocketsphinxStt(VoicePeers.generalModel()).stream(events::add)) {
            pushLikeARoom(stream, Speech.concat(first, Speech.silence(1.5), second, Speech.silence(1.5)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (events.stream()
                                    .filter(SttEvent.EndOfSpeech.class::isInstance)
                                    .count()
                            < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        List<String> finals = events.stream()
                .filter(SttEvent.Final.class::isInstance)
                .map(e -> ((SttEvent.Final) e).text())
                .filter(t -> !t.isEmpty())
                .toList();
        assertThat(finals).hasSize(2);
        assertThat(finals.get(0)).contains("hello");
        assertThat(finals.get(1)).contains("package");
    }

    /** Transcribes each phrase in its own utterance; collects what was heard; the summed WER. */
    static WordErrorRate transcribeAll(Stt stt, Tts tts, List<String> heard) throws Exception {
        WordErrorRate total = new WordErrorRate(0, 0);
        List<SttEvent> events = new CopyOnWriteArrayList<>();
        try (Stt.SttStream stream = stt.stream(events::add)) {
            for (String phrase : PHRASES) {
                events.clear();
                short[] audio = Speech.throughTheRoom(Speech.say(tts, phrase));
                pushLikeARoom(stream, Speech.concat(Speech.silence(0.2), audio, Speech.silence(0.2)));
                stream.flush();
                String text = awaitEnd(events);
                heard.add(text);
                System.out.printf("%s: \"%s\" -> \"%s\"%n", tts.getClass().getSimpleName(), phrase, text);
                total = total.plus(WordErrorRate.of(phrase, text));
            }
        }
        return total;
    }

    /** 20 ms frames, as a LiveKit track delivers them (after the 48 to 16 kHz step). */
    static void pushLikeARoom(Stt.SttStream stream, short[] audio) {
        for (int at = 0; at < audio.length; at += 320) {
            stream.push(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 320)));
        }
    }

    /**
     * Waits for the flush's answer: the last event is an EndOfSpeech and nothing follows for 200 ms
     * (the decoder may also have ended a segment on its own before); returns the text of the Finals.
     */
    static String awaitEnd(List<SttEvent> events) throws InterruptedException {
        // generous: the general model on noisy speech on a loaded 2-core machine can fall behind real time
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int seen = -1;
        while (true) {
            for (SttEvent e : events) {
                if (e instanceof SttEvent.Failed failed) {
                    throw new AssertionError("recognition failed", failed.error());
                }
            }
            int size = events.size();
            if (size > 0 && size == seen && events.get(size - 1) instanceof SttEvent.EndOfSpeech) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no end of utterance within 120 s; events so far: " + events);
            }
            seen = size;
            Thread.sleep(200);
        }
        StringBuilder text = new StringBuilder();
        for (SttEvent e : events) {
            if (e instanceof SttEvent.Final f && !f.text().isEmpty()) {
                text.append(text.length() > 0 ? " " : "").append(f.text());
            }
        }
        return text.toString();
    }
}
