package ai.mindbot.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.voice.testing.ManualExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalRoomTest {

    private final Participant person =
            new Participant("PA_1", "user-7", "John", "", Map.of(), Participant.Kind.STANDARD);
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final AtomicInteger removed = new AtomicInteger();
    private final LocalRoom room = new LocalRoom(
            "console-room", person, "MindBot", new ManualExecutor(), printed::add, removed::incrementAndGet);

    @Test
    void thePersonsCaptionIsPrintedOnceFinal() {
        room.sendTextFor(
                "user-7", Room.TOPIC_TRANSCRIPTION, "how much", Map.of("lk.transcription_final", "false"), List.of());
        room.sendTextFor(
                "user-7",
                Room.TOPIC_TRANSCRIPTION,
                "how much time do i have left",
                Map.of("lk.transcription_final", "true"),
                List.of());

        assertThat(printed).containsExactly("You: how much time do i have left");
    }

    @Test
    void theAgentsCaptionIsPrintedASentenceAtATimeAsItIsWritten() {
        TextStreamWriter caption = room.openTextStream(Room.TOPIC_TRANSCRIPTION, Map.of(), List.of());
        caption.write("Welcome back, John!");
        caption.write(" You have 2.5 hours left.");
        caption.close();
        room.openTextStream("lk.other", Map.of(), List.of()).write("not a caption");

        assertThat(printed).containsExactly("MindBot: Welcome back, John!", "MindBot: You have 2.5 hours left.");
    }

    @Test
    void removingThePersonEndsTheCallAndNobodyElseIsThere() {
        room.removeParticipant("agent-somebody");
        assertThat(removed).hasValue(0);

        room.removeParticipant("user-7");

        assertThat(removed).hasValue(1);
        assertThat(room.participants()).containsExactly(person);
        assertThat(room.participant("user-8")).isEmpty();
    }

    @Test
    void theAgentsSpeechIsMixedForTheSpeaker() {
        short[] tone = new short[AudioFrame.SAMPLES_PER_10MS];
        Arrays.fill(tone, (short) 1234);
        room.playback("agent").capture(AudioFrame.mono(tone, 1));
        room.playback("agent").flush();

        short[] mixed = room.mixer().mixNext(new long[1]);

        assertThat(mixed).containsOnly((short) 1234);
        assertThat(room.mixer().mixNext(new long[1])).containsOnly((short) 0);
    }
}
