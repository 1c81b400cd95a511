package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Playout;
import ai.mindbot.agent.voice.testing.FakeLlm;
import ai.mindbot.agent.voice.testing.FakeTts;
import ai.mindbot.agent.voice.testing.VoiceTestbed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BargeInTest {

    private static final String FIRST = "Once upon a time there was a small robot.";
    private static final String SECOND = "It loved to count the minutes of every call.";

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** A two-sentence story whose second sentence the model is slow to write. */
    private static SpeechHandle storyPlaying(VoiceTestbed t) {
        t.llm.script(List.of(
                new FakeLlm.Step(ms(100), new LlmEvent.TextDelta(FIRST + " ")),
                new FakeLlm.Step(ms(3000), new LlmEvent.TextDelta(SECOND)),
                new FakeLlm.Step(ms(20), new LlmEvent.Done("stop", 10, 20))));
        SpeechHandle story = t.conversation.reply(null);
        t.advance(ms(1150)); // about one second of the first sentence has played
        assertThat(t.conversation.state()).isEqualTo(AgentState.SPEAKING);
        return story;
    }

    @Test
    void theAgentsAudioStopsWithin200msOfTheUserStartingToSpeak() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            storyPlaying(t);
            long speechStart = t.clock.millis();
            t.speak(ms(400));

            assertThat(t.playback().clearsMillis()).isNotEmpty();
            assertThat(t.playback().clearsMillis().get(0)).isBetween(speechStart, speechStart + 200);
            assertThat(t.playback().audibleSince(speechStart + 200))
                    .as("silent from 200 ms on")
                    .isFalse();
            assertThat(t.conversation.state()).isEqualTo(AgentState.LISTENING);
        }
    }

    @Test
    void wordsConfirmTheInterruptionCancelTheModelAndCutTheHistoryAtWhatWasHeard() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            SpeechHandle story = storyPlaying(t);
            t.speak(ms(300));
            t.stt.emit(new SttEvent.Interim("wait"));
            t.speak(ms(100));

            assertThat(story.done()).isDone();
            Playout playout = story.done().get();
            assertThat(story.interrupted()).isTrue();
            assertThat(playout.interrupted()).isTrue();
            assertThat(playout.playedMillis()).isBetween(1000L, 1250L);
            assertThat(t.llm.lastCall().cancelled())
                    .as("the model's stream is cancelled")
                    .isTrue();

            ChatMessage.Assistant said =
                    (ChatMessage.Assistant) t.conversation.history().get(0);
            assertThat(said.interrupted()).isTrue();
            assertThat(FIRST).startsWith(said.text());
            assertThat(said.text()).isNotEmpty().isNotEqualTo(FIRST);
            double heardShare = (double) said.text().length() / FIRST.length();
            double playedShare = (double) playout.playedMillis() / FakeTts.millisFor(FIRST);
            assertThat(heardShare)
                    .as("cut where the audio stopped, back to a word boundary")
                    .isBetween(playedShare - 0.2, playedShare + 0.01);
            assertThat(story.spokenText()).isEqualTo(said.text());
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(FIRST);
        }
    }

    @Test
    void aNoiseWithoutWordsPausesTheAgentWhichThenResumesWhereItStopped() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            SpeechHandle story = storyPlaying(t);
            long cough = t.clock.millis();
            t.speak(ms(150));
            t.silence(ms(1500));
            assertThat(t.playback().audibleSince(cough + 200))
                    .as("paused while the user might go on")
                    .isFalse();

            t.silence(ms(1500)); // past the false-interruption timeout after the voice stopped
            assertThat(t.playback().audibleSince(cough + 2500)).as("resumed").isTrue();
            t.advance(Duration.ofSeconds(8));

            assertThat(story.done()).isDone();
            assertThat(story.interrupted()).isFalse();
            long total = FakeTts.millisFor(FIRST) + FakeTts.millisFor(SECOND);
            assertThat(t.playback().audibleMillis())
                    .as("nothing said twice, nothing skipped")
                    .isBetween(total - 20, total + 20);
            assertThat(t.conversation.history()).containsExactly(ChatMessage.Assistant.said(FIRST + " " + SECOND));
        }
    }

    @Test
    void aSpeechThatMayNotBeInterruptedPlaysOnOverTheUser() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            String goodbye = "Your time is up. Thank you for calling, goodbye.";
            SpeechHandle handle = t.conversation.say(goodbye, false);
            t.advance(ms(500));
            long userStarts = t.clock.millis();
            t.speak(Duration.ofSeconds(1));
            t.stt.emit(new SttEvent.Interim("no wait"));
            t.speak(ms(200));

            assertThat(t.playback().clearsMillis()).isEmpty();
            assertThat(t.playback().audibleSince(userStarts + 1000)).isTrue();
            t.silence(Duration.ofSeconds(4));
            assertThat(handle.done().get().interrupted()).isFalse();
            assertThat(t.conversation.history()).first().isEqualTo(ChatMessage.Assistant.said(goodbye));
        }
    }

    @Test
    void userWordsWhileTheAgentIsStillThinkingCancelTheReply() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.llm.answer(Duration.ofSeconds(2), "This answer comes too late to matter.");
            SpeechHandle reply = t.conversation.reply(null);
            t.advance(ms(300));
            assertThat(t.conversation.state()).isEqualTo(AgentState.THINKING);

            t.speak(ms(300));
            t.stt.emit(new SttEvent.Interim("actually"));
            t.speak(ms(100));

            assertThat(reply.done()).isDone();
            assertThat(t.llm.lastCall().cancelled()).isTrue();
            assertThat(t.tts.requests()).isEmpty();
        }
    }

    @Test
    void anExplicitInterruptStopsEvenAProtectedSpeechAndDropsWhatIsQueued() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            SpeechHandle first = t.conversation.say("This is a protected announcement for you.", false);
            SpeechHandle second = t.conversation.say("And this one was queued behind it.", true);
            t.advance(ms(700));

            t.conversation.interrupt();
            t.clock.runPending();
            long stopped = t.clock.millis();
            t.advance(Duration.ofSeconds(5));

            assertThat(first.interrupted()).isTrue();
            assertThat(second.interrupted()).isTrue();
            assertThat(second.done()).isDone();
            assertThat(t.playback().audibleSince(stopped + 10)).isFalse();
            assertThat(t.conversation.state()).isEqualTo(AgentState.LISTENING);
        }
    }

    @Test
    void anInterruptionInTheSecondSentenceKeepsTheFirstWhole() throws Exception {
        try (VoiceTestbed t = new VoiceTestbed()) {
            String third = "Every minute mattered to the little robot.";
            t.tts.ttfb(ms(50));
            t.llm.answer(ms(100), FIRST + " ", SECOND + " ", third);
            SpeechHandle story = t.conversation.reply(null);
            // the first sentence plays until about 2.6 s; be a second into the second one
            t.advance(ms(170 + FakeTts.millisFor(FIRST) + 1000));
            t.tts.ttfb(Duration.ofSeconds(10)); // nothing new arrives from here on
            t.speak(ms(200));
            t.stt.emit(new SttEvent.Final("stop please", 0.9));
            t.clock.runPending();

            assertThat(story.interrupted()).isTrue();
            ChatMessage.Assistant said =
                    (ChatMessage.Assistant) t.conversation.history().get(0);
            assertThat(said.text()).startsWith(FIRST + " ");
            assertThat(SECOND).startsWith(said.text().substring(FIRST.length() + 1));
            assertThat(said.text().length()).isLessThan((FIRST + " " + SECOND).length());
            assertThat(said.interrupted()).isTrue();
        }
    }

    @Test
    void aProtectedSpeechWaitsForTheUserAtMostTheMaximumEndpointingDelay() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.speak(ms(200));
            long asked = t.clock.millis();
            t.conversation.say("Your time is up, goodbye.", false);
            t.speak(Duration.ofSeconds(4));
            long started = t.playback().firstCaptureMillis();
            assertThat(started)
                    .as("plays over a user who will not stop, after 3 s")
                    .isBetween(asked + 3000, asked + 3100);
        }
    }

    @Test
    void closingStopsTheAudioAndTheRecogniser() {
        VoiceTestbed t = new VoiceTestbed();
        t.llm.answer(ms(100), FIRST);
        SpeechHandle story = t.conversation.reply(null);
        t.advance(ms(800));
        t.close();
        long closed = t.clock.millis();
        t.advance(Duration.ofSeconds(3));

        assertThat(story.done()).isDone();
        assertThat(t.playback().audibleSince(closed + 10)).isFalse();
        assertThat(t.stt.current().closed()).isTrue();
    }

    @Test
    void aConfirmedInterruptionCancelsTheSynthesisInFlight() {
        try (VoiceTestbed t = new VoiceTestbed()) {
            t.llm.answer(ms(100), FIRST + " ", SECOND);
            t.conversation.reply(null);
            t.advance(ms(130)); // the first sentence went to TTS at 100 ms; the second goes when the model is done
            t.tts.ttfb(Duration.ofSeconds(10)); // so the second sentence's synthesis will still be running
            t.advance(ms(1000));
            assertThat(t.tts.requests()).extracting(r -> r.text).containsExactly(FIRST, SECOND);

            t.speak(ms(200));
            t.stt.emit(new SttEvent.Interim("hold on"));
            t.clock.runPending();

            assertThat(t.tts.requests().get(1).cancelled()).isTrue();
        }
    }
}
