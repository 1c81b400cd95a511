package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.api.Agent;
import ai.mindbot.agent.api.JobEnd;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.metering.EndCause;
import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.metering.TimeListener;
import ai.mindbot.agent.mindbot.speech.Lines;
import ai.mindbot.agent.mindbot.tools.MindBotTools;
import ai.mindbot.agent.voice.Conversation;
import ai.mindbot.agent.voice.VoiceProviders;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MindBot in one room: the first caller the auth service minted (a user or a guest) is linked to a
 * {@link Conversation} with MindBot's persona and tools, and their call is metered by a
 * {@link TimeKeeper} whose events become speech. Other participants are neither heard nor billed.
 * All hooks run on the job's thread, as do the engine and the time keeper.
 */
public final class MindBotAgent implements Agent {

    private static final Logger log = LoggerFactory.getLogger(MindBotAgent.class);

    private final MindBotServices services;
    private final VoiceProviders providers;
    private Room room;
    private Caller caller;
    private Conversation conversation;
    private TimeKeeper keeper;
    /** After a refusal or a goodbye the caller is no longer heard: no new turn starts on time not paid for. */
    private boolean closing;

    public MindBotAgent(MindBotServices services, VoiceProviders providers) {
        this.services = services;
        this.providers = providers;
    }

    /**
     * Completes once the caller's session has been ended with the time service (or at once when
     * there is none): a process about to exit waits for it so the call is billed now, not by the sweeper.
     */
    public CompletableFuture<?> ending() {
        return keeper == null ? CompletableFuture.completedFuture(null) : keeper.ending();
    }

    @Override
    public void onJobStart(Room joined) {
        this.room = joined;
    }

    @Override
    public void onParticipantJoined(Participant participant) {
        if (caller != null || room == null) {
            return;
        }
        Optional<Caller> recognised = Caller.of(participant);
        if (recognised.isEmpty()) {
            if (!participant.isAgent()) {
                log.info(
                        "room {}: {} is not a MindBot user or guest; not serving them",
                        room.name(),
                        participant.identity());
            }
            return;
        }
        caller = recognised.get();
        conversation = new Conversation(room, caller.identity(), providers, services.voiceOptions());
        conversation.setInstructions(
                Persona.instructions(caller, services.rules().guestMax().toSeconds()));
        keeper = new TimeKeeper(room.executor(), services.time(), services.rules(), new Speaker());
        conversation.setTools(MindBotTools.forCall(keeper, services.time(), services.weather()));
        conversation.addListener(services.conversations());
        conversation.start();
        keeper.begin(caller, room.name());
    }

    @Override
    public void onAudio(Participant from, AudioFrame frame) {
        if (isCaller(from) && !closing) {
            conversation.pushAudio(frame);
        }
    }

    @Override
    public void onText(Participant from, String topic, String text) {
        if (isCaller(from) && !closing && Room.TOPIC_CHAT.equals(topic)) {
            conversation.pushText(text);
        }
    }

    @Override
    public void onParticipantLeft(Participant participant) {
        if (isCaller(participant)) {
            finish();
        }
    }

    @Override
    public void onJobEnd(JobEnd end) {
        finish();
    }

    private void finish() {
        if (keeper != null) {
            keeper.stop();
        }
        if (conversation != null) {
            conversation.close();
        }
    }

    private boolean isCaller(Participant participant) {
        return caller != null && conversation != null && caller.identity().equals(participant.identity());
    }

    /** Turns the time keeper's decisions into speech, and the end of time into the end of the call. */
    private final class Speaker implements TimeListener {

        @Override
        public void started(Caller who, long seconds, boolean lowBalance) {
            String greeting = who.isGuest()
                    ? Lines.guestGreeting(seconds)
                    : lowBalance
                            ? Lines.lowBalanceGreeting(who.firstName(), seconds)
                            : Lines.greeting(who.firstName(), seconds);
            conversation.say(greeting, true);
        }

        @Override
        public void refused(long availableSeconds, long minimumSeconds) {
            closing = true;
            conversation.say(Lines.notEnoughTime(caller.firstName(), availableSeconds, minimumSeconds), false);
        }

        @Override
        public void finalMinute(long secondsLeft) {
            conversation.say(
                    caller.isGuest() ? Lines.guestFinalMinute(secondsLeft) : Lines.finalMinute(secondsLeft), true);
        }

        @Override
        public void lowBalance(long secondsLeft) {
            conversation.say(Lines.lowBalance(secondsLeft), true);
        }

        @Override
        public void toppedUp(long secondsLeft) {
            closing = false;
            conversation.say(Lines.toppedUp(secondsLeft), true);
        }

        @Override
        public void unreachable() {
            conversation.say(Lines.timeServiceUnreachable(), true);
        }

        @Override
        public void reconnected(long balanceSeconds) {
            closing = false;
            conversation.say(Lines.timeServiceBack(balanceSeconds), true);
        }

        @Override
        public void goodbye(EndCause cause) {
            // Whatever MindBot was saying gives way: the goodbye has to be heard before the cut.
            closing = true;
            conversation.interrupt();
            conversation.say(Lines.goodbye(cause, caller.firstName()), false);
        }

        @Override
        public void timeUp(EndCause cause) {
            log.info("room {}: removing {} ({})", room.name(), caller.identity(), cause);
            room.removeParticipant(caller.identity());
            conversation.close();
        }
    }
}
