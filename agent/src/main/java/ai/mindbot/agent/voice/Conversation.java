package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A turn-taking voice conversation between the agent and one participant, the Java counterpart of
 * LiveKit Agents' {@code AgentSession}: it listens (VAD and STT on the participant's audio), decides
 * the user has finished, asks the model (with tools), speaks the answer sentence by sentence as it
 * streams, and stops the moment the user talks over it.
 *
 * <p>Speeches play one at a time, in order. Barge-in: when the user starts speaking over an
 * interruptible speech its audio is cleared at once (within a playback tick of the voice detector
 * firing) and the speech is paused, not ended. Words from the recogniser confirm the interruption:
 * the model and synthesis are cancelled and the history keeps only what the room heard. No words
 * within {@link VoiceOptions#falseInterruptionTimeout()} of the user falling silent (a cough, a
 * door) and the agent resumes where it was cut off. The agent never starts talking while the user is
 * speaking; a speech that cannot be interrupted waits for them at most
 * {@link VoiceOptions#maxEndpointingDelay()}.
 *
 * <p>Every method must be called on the job's thread (agent hooks run there); provider callbacks are
 * handed to it with {@link Room#executor()}, so the engine takes no locks. Times come from the job's
 * clock, so tests drive it with a manual one.
 */
public final class Conversation implements AutoCloseable {

    /** The playback voice the agent speaks with. */
    public static final String VOICE = "agent";

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);
    private static final AtomicInteger threadCount = new AtomicInteger();

    private final Room room;
    private final String userIdentity;
    private final VoiceProviders providers;
    private final VoiceOptions options;
    private final JobExecutor executor;
    private final Playback playback;
    private final UserInput input;
    private final ExecutorService toolThreads;
    private final List<ChatMessage> history = new ArrayList<>();
    private final List<ConversationListener> listeners = new ArrayList<>();
    private final Deque<Turn> queue = new ArrayDeque<>();
    private final SpeechHost speechHost = new SpeechHost();
    private String instructions = "";
    private List<Tool> tools = List.of();
    private AgentState state = AgentState.INITIALIZING;
    private int speechCount;

    private Turn current;
    /** The current speech was talked over and waits for words (interruption) or silence (resume). */
    private boolean pausedByUser;

    private Cancellable resumeTimer;
    private boolean started;
    private boolean closed;

    public Conversation(Room room, String userIdentity, VoiceProviders providers, VoiceOptions options) {
        this.room = room;
        this.userIdentity = userIdentity;
        this.providers = providers;
        this.options = options;
        this.executor = room.executor();
        this.playback = room.playback(VOICE);
        this.input = new UserInput(room, userIdentity, providers.vad(), providers.stt(), options, new Listening());
        this.toolThreads = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "voice-tool-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening; {@code lk.agent.state} becomes {@code listening}. */
    public void start() {
        if (started || closed) {
            return;
        }
        started = true;
        log.info("conversation with {} in room {} using {}", userIdentity, room.name(), providers.description());
        input.start();
        setState(AgentState.LISTENING);
        activateNext();
    }

    /** The linked user's microphone audio (48 kHz 10 ms frames from {@code Agent.onAudio}). */
    public void pushAudio(AudioFrame frame) {
        if (started && !closed) {
            input.push(frame);
        }
    }

    /** A typed chat message ({@code lk.chat}): a complete user turn, answered like a spoken one. */
    public void pushText(String text) {
        if (text != null && !text.isBlank() && !closed) {
            userTurn(UserTurn.typed(text.strip(), executor.nanoTime()));
        }
    }

    /**
     * Says a fixed text after whatever the agent is saying now; it goes into the history as the
     * agent's words. {@code allowInterruptions=false} protects it from the user's voice (a goodbye).
     */
    public SpeechHandle say(String text, boolean allowInterruptions) {
        return enqueue(new Turn(newSpeech(AgentSpeech.Kind.SAY, allowInterruptions), text, null, null), false);
    }

    /**
     * Asks the model for a reply after whatever the agent is saying now, without a user turn (a
     * greeting, a warning); {@code extraInstructions} (may be null) are added for this reply only.
     */
    public SpeechHandle reply(String extraInstructions) {
        return enqueue(
                new Turn(
                        newSpeech(AgentSpeech.Kind.REPLY, options.allowInterruptions()), null, extraInstructions, null),
                false);
    }

    /** Stops the agent's current speech and drops everything queued. */
    public void interrupt() {
        new ArrayList<>(queue).forEach(t -> t.speech.stop());
        queue.clear();
        if (current != null) {
            current.speech.stop();
        }
    }

    /** The system prompt, first in every model request. */
    public void setInstructions(String systemPrompt) {
        this.instructions = systemPrompt == null ? "" : systemPrompt;
    }

    public void setTools(List<Tool> tools) {
        this.tools = List.copyOf(tools);
    }

    /** The conversation so far (without the system prompt), agent messages cut at what was heard. */
    public List<ChatMessage> history() {
        return List.copyOf(history);
    }

    public AgentState state() {
        return state;
    }

    public void addListener(ConversationListener listener) {
        listeners.add(listener);
    }

    /** Stops speaking, closes the recogniser stream and cancels provider and tool work. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        interrupt();
        closed = true;
        cancelResume();
        input.close();
        toolThreads.shutdownNow();
    }

    // --- turns and speeches ---

    private AgentSpeech newSpeech(AgentSpeech.Kind kind, boolean allowInterruptions) {
        String id = Integer.toHexString(System.identityHashCode(this)) + "-" + ++speechCount;
        return new AgentSpeech(id, kind, allowInterruptions, room, playback, providers.tts(), speechHost);
    }

    private SpeechHandle enqueue(Turn turn, boolean first) {
        if (closed) {
            turn.speech.stop();
            return turn.speech;
        }
        if (first) {
            queue.addFirst(turn);
        } else {
            queue.addLast(turn);
        }
        activateNext();
        return turn.speech;
    }

    private void userTurn(UserTurn turn) {
        notify(l -> l.onUserTurn(turn.text()));
        if (current != null && current.speech.allowInterruptions()) {
            interruptCurrent();
        }
        enqueue(new Turn(newSpeech(AgentSpeech.Kind.REPLY, options.allowInterruptions()), null, null, turn), false);
    }

    private void activateNext() {
        if (!started || closed || current != null || queue.isEmpty()) {
            updateState();
            return;
        }
        Turn turn = queue.poll();
        current = turn;
        AgentSpeech speech = turn.speech;
        if (turn.user != null) {
            // added now, not when the turn ended, so a tool round still running cannot split the history
            history.add(new ChatMessage.User(turn.user.text()));
        }
        if (turn.fixedText != null) {
            SentenceSplitter.split(turn.fixedText).forEach(s -> speech.addSentence(s, true, 0));
            speech.completeText(0);
        } else {
            turn.reply =
                    new ModelReply(speech, providers.llm(), executor, toolThreads, options, new ReplyContext(turn));
            turn.reply.start();
        }
        if (!input.userSpeaking()) {
            speech.enableOutput();
        } else if (!speech.allowInterruptions()) {
            resumeTimer = executor.schedule(
                    () -> {
                        if (current == turn) {
                            speech.enableOutput();
                            updateState();
                        }
                    },
                    options.maxEndpointingDelay());
        }
        updateState();
    }

    private void interruptCurrent() {
        cancelResume();
        pausedByUser = false;
        if (current != null) {
            current.speech.stop();
        }
    }

    private void apologise() {
        enqueue(new Turn(newSpeech(AgentSpeech.Kind.APOLOGY, true), options.apologyText(), null, null), true);
    }

    private void cancelResume() {
        if (resumeTimer != null) {
            resumeTimer.cancel();
            resumeTimer = null;
        }
    }

    private void updateState() {
        if (!started) {
            return;
        }
        AgentState next;
        if (current == null || !current.speech.outputEnabled()) {
            next = AgentState.LISTENING;
        } else if (current.speech.audioStarted()) {
            next = AgentState.SPEAKING;
        } else {
            next = AgentState.THINKING;
        }
        setState(next);
    }

    private void setState(AgentState next) {
        if (next == state) {
            return;
        }
        state = next;
        room.setAttributes(Map.of(Room.ATTRIBUTE_AGENT_STATE, next.attributeValue()));
        notify(l -> l.onStateChanged(next));
    }

    private void reportMetrics(Turn turn) {
        if (turn.metricsReported || turn.reply == null) {
            return;
        }
        turn.metricsReported = true;
        TurnMetrics metrics = TurnTimings.of(turn.speech, turn.reply, turn.user);
        log.info(metrics.logLine());
        notify(l -> l.onTurnMetrics(metrics));
    }

    /** A listener that throws is logged and skipped: it must not leave the conversation half-updated. */
    private void notify(Consumer<ConversationListener> call) {
        for (ConversationListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("conversation listener {} failed", listener, e);
            }
        }
    }

    /** A queued or playing speech, with what it came from. */
    private static final class Turn {
        final AgentSpeech speech;
        final String fixedText;
        final String extraInstructions;
        final UserTurn user;
        ModelReply reply;
        boolean metricsReported;

        Turn(AgentSpeech speech, String fixedText, String extraInstructions, UserTurn user) {
            this.speech = speech;
            this.fixedText = fixedText;
            this.extraInstructions = extraInstructions;
            this.user = user;
        }
    }

    /** What the listening half reports. */
    private final class Listening implements UserInput.Events {

        @Override
        public void userStartedSpeaking() {
            cancelResume();
            if (current != null && current.speech.allowInterruptions() && current.speech.outputEnabled()) {
                // Only a speech the user has heard part of can be "resumed"; one still thinking just waits.
                pausedByUser = current.speech.audioStarted();
                current.speech.disableOutput();
                if (pausedByUser) {
                    // one line per talk-over, so a call's log shows why its agent fell silent
                    log.info("speech {} paused: the user talks over it", current.speech.id());
                }
            }
            updateState();
        }

        @Override
        public void userStoppedSpeaking() {
            if (current == null || current.speech.outputEnabled()) {
                return;
            }
            if (!pausedByUser) {
                current.speech.enableOutput();
                updateState();
                return;
            }
            Turn paused = current;
            resumeTimer = executor.schedule(
                    () -> {
                        resumeTimer = null;
                        if (current == paused && pausedByUser && !input.userSpeaking()) {
                            pausedByUser = false;
                            log.info("false interruption: resuming speech {}", paused.speech.id());
                            paused.speech.enableOutput();
                            updateState();
                        }
                    },
                    options.falseInterruptionTimeout());
        }

        @Override
        public void userWords() {
            if (current != null && current.speech.allowInterruptions() && (pausedByUser || input.userSpeaking())) {
                interruptCurrent();
            }
        }

        @Override
        public void userTurnEnded(UserTurn turn) {
            userTurn(turn);
        }

        @Override
        public void recognitionFailed(Throwable error) {
            apologise();
        }
    }

    /** What a speech reports. */
    private final class SpeechHost implements AgentSpeech.Host {

        @Override
        public void audioStarted(AgentSpeech speech) {
            if (current != null && current.speech == speech) {
                reportMetrics(current);
            }
            updateState();
        }

        @Override
        public void finished(AgentSpeech speech) {
            queue.removeIf(t -> t.speech == speech);
            if (current == null || current.speech != speech) {
                return;
            }
            Turn turn = current;
            current = null;
            pausedByUser = false;
            cancelResume();
            String said = speech.historyText();
            if (!said.isEmpty()) {
                history.add(new ChatMessage.Assistant(said, List.of(), speech.interrupted()));
            }
            reportMetrics(turn);
            if (speech.failed() && speech.kind() != AgentSpeech.Kind.APOLOGY && !closed) {
                apologise();
            }
            activateNext();
        }

        @Override
        public void failed(AgentSpeech speech, Throwable error) {
            log.warn("speech {} failed: {}", speech.id(), error.toString());
            speech.fail();
            if (!speech.outputEnabled()) {
                speech.stop();
            }
        }

        @Override
        public void interruptRequested(AgentSpeech speech) {
            if (current != null && current.speech == speech) {
                interruptCurrent();
            } else {
                speech.stop();
            }
        }
    }

    /** What one model reply sees of the conversation. */
    private final class ReplyContext implements ModelReply.Context {
        private final Turn turn;

        ReplyContext(Turn turn) {
            this.turn = turn;
        }

        @Override
        public List<ChatMessage> requestMessages() {
            List<ChatMessage> messages = new ArrayList<>(history.size() + 2);
            if (!instructions.isBlank()) {
                messages.add(new ChatMessage.System(instructions));
            }
            messages.addAll(history);
            if (turn.extraInstructions != null && !turn.extraInstructions.isBlank()) {
                messages.add(new ChatMessage.System(turn.extraInstructions));
            }
            return messages;
        }

        @Override
        public List<Tool> tools() {
            return tools;
        }

        @Override
        public void toolRoundFinished(ChatMessage.Assistant calls, List<ChatMessage.ToolResult> results) {
            history.add(calls);
            history.addAll(results);
        }

        @Override
        public void modelFailed(AgentSpeech speech, Throwable error) {
            speechHost.failed(speech, error);
        }
    }
}
