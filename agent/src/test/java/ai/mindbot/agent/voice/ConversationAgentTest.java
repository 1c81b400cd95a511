package ai.mindbot.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.voice.testing.FakeLlm;
import ai.mindbot.agent.voice.testing.FakeRoom;
import ai.mindbot.agent.voice.testing.FakeStt;
import ai.mindbot.agent.voice.testing.FakeTts;
import ai.mindbot.agent.voice.testing.LoudnessVad;
import ai.mindbot.agent.voice.testing.ManualExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationAgentTest {

    private final ManualExecutor clock = new ManualExecutor();
    private final FakeRoom room = new FakeRoom(clock);
    private final FakeStt stt = new FakeStt();
    private final FakeLlm llm = new FakeLlm(clock);
    private final List<Conversation> made = new ArrayList<>();
    private final ConversationAgent agent = new ConversationAgent(
            () -> new VoiceProviders(new LoudnessVad(), stt, llm, new FakeTts(clock), "fakes"),
            VoiceOptions.defaults(),
            conversation -> {
                made.add(conversation);
                conversation.setInstructions("Be brief.");
            });

    private static Participant participant(String identity, Participant.Kind kind) {
        return new Participant("PA_" + identity, identity, identity, "", Map.of(), kind);
    }

    private static AudioFrame tenMillis() {
        return AudioFrame.mono(new short[AudioFrame.SAMPLES_PER_10MS], 0);
    }

    @Test
    void talksToTheFirstHumanAndIgnoresOtherAgentsAndOtherPeople() {
        Participant otherAgent = participant("agent-other", Participant.Kind.AGENT);
        Participant caller = participant("caller", Participant.Kind.STANDARD);
        Participant second = participant("second", Participant.Kind.STANDARD);
        agent.onJobStart(room);
        agent.onParticipantJoined(otherAgent);
        assertThat(agent.conversation()).isNull();

        agent.onParticipantJoined(caller);
        agent.onParticipantJoined(second);
        clock.runPending();
        assertThat(made).hasSize(1);
        assertThat(room.agentStates()).containsExactly("listening");

        for (int i = 0; i < 10; i++) {
            agent.onAudio(second, tenMillis());
            agent.onAudio(otherAgent, tenMillis());
        }
        assertThat(stt.current().samples())
                .as("only the linked caller is heard")
                .isZero();
        agent.onAudio(caller, tenMillis());
        agent.onAudio(caller, tenMillis());
        assertThat(stt.current().samples()).isPositive();

        llm.answer(Duration.ofMillis(50), "Hi.");
        agent.onText(second, Room.TOPIC_CHAT, "I am not the caller");
        agent.onText(caller, "some.other.topic", "not chat");
        agent.onText(caller, Room.TOPIC_CHAT, "hello there");
        clock.advance(Duration.ofSeconds(2));
        assertThat(llm.calls()).hasSize(1);
        assertThat(llm.lastCall().request.messages())
                .containsExactly(new ChatMessage.System("Be brief."), new ChatMessage.User("hello there"));
    }

    @Test
    void whenTheCallerLeavesTheNextHumanIsLinkedAndTheJobEndClosesIt() {
        Participant caller = participant("caller", Participant.Kind.STANDARD);
        Participant phone = participant("phone", Participant.Kind.SIP);
        room.addParticipant(caller);
        room.addParticipant(phone);
        agent.onJobStart(room);
        agent.onParticipantJoined(caller);
        agent.onParticipantJoined(phone);
        FakeStt.Stream first = stt.current();

        agent.onParticipantLeft(caller);
        assertThat(first.closed()).isTrue();
        assertThat(made).hasSize(2);
        agent.onAudio(phone, tenMillis());
        agent.onAudio(phone, tenMillis());
        assertThat(stt.current().samples()).isPositive();

        agent.onJobEnd(new JobEnd(JobEnd.Reason.PARTICIPANTS_LEFT, ""));
        assertThat(stt.current().closed()).isTrue();
        assertThat(agent.conversation()).isNull();
    }
}
