package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Agent;
import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain voice assistant: links the first human participant (a browser or a phone caller, never
 * another agent) to a {@link Conversation}, feeds it their microphone and their {@code lk.chat}
 * messages, and closes it when they leave or the job ends. If they leave and another human is still
 * in the room, the agent talks to that one next. {@code setup} configures each conversation
 * (instructions, tools, listeners, a greeting) before it starts listening.
 */
public final class ConversationAgent implements Agent {

    private static final Logger log = LoggerFactory.getLogger(ConversationAgent.class);

    private final Supplier<VoiceProviders> providers;
    private final VoiceOptions options;
    private final Consumer<Conversation> setup;
    private Room room;
    private String linked;
    private Conversation conversation;

    public ConversationAgent(Supplier<VoiceProviders> providers, VoiceOptions options, Consumer<Conversation> setup) {
        this.providers = providers;
        this.options = options;
        this.setup = setup;
    }

    /** The conversation with the linked participant, or null while nobody is linked. */
    public Conversation conversation() {
        return conversation;
    }

    @Override
    public void onJobStart(Room room) {
        this.room = room; // participants already in the room arrive through onParticipantJoined
    }

    @Override
    public void onParticipantJoined(Participant participant) {
        if (conversation == null && isHuman(participant)) {
            link(participant);
        }
    }

    @Override
    public void onParticipantLeft(Participant participant) {
        if (participant.identity().equals(linked)) {
            unlink();
            room.participants().stream()
                    .filter(p -> isHuman(p) && !p.identity().equals(participant.identity()))
                    .findFirst()
                    .ifPresent(this::link);
        }
    }

    @Override
    public void onAudio(Participant from, AudioFrame frame) {
        if (conversation != null && from.identity().equals(linked)) {
            conversation.pushAudio(frame);
        }
    }

    @Override
    public void onText(Participant from, String topic, String text) {
        if (conversation != null && from.identity().equals(linked) && Room.TOPIC_CHAT.equals(topic)) {
            conversation.pushText(text);
        }
    }

    @Override
    public void onJobEnd(JobEnd end) {
        unlink();
    }

    private void link(Participant participant) {
        if (room == null) {
            return;
        }
        linked = participant.identity();
        conversation = new Conversation(room, linked, providers.get(), options);
        setup.accept(conversation);
        conversation.start();
        log.info("linked participant {} in room {}", linked, room.name());
    }

    private void unlink() {
        if (conversation != null) {
            conversation.close();
            conversation = null;
        }
        linked = null;
    }

    private static boolean isHuman(Participant p) {
        return p.kind() == Participant.Kind.STANDARD || p.kind() == Participant.Kind.SIP;
    }
}
