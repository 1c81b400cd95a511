package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Playout;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One speech on its way out: sentences in, synthesised one after another, their audio handed to the
 * playback as it arrives (when output is enabled), the transcript written sentence by sentence as
 * each starts to play. It keeps all its audio, so a barge-in can stop the playback, note exactly how
 * much was heard, and later resume from that point (a false interruption) without synthesising
 * again. All methods run on the job's thread except the {@link SpeechHandle} ones.
 */
final class AgentSpeech implements SpeechHandle {

    /** The conversation side of a speech. */
    interface Host {
        /** The first audio of this speech went to the playback. */
        void audioStarted(AgentSpeech speech);

        /** The speech is over (played out, interrupted, or stopped after a failure). */
        void finished(AgentSpeech speech);

        /** A provider failed: the speech stops after what it already has, and the agent apologises. */
        void failed(AgentSpeech speech, Throwable error);

        /** {@link SpeechHandle#interrupt()} from any thread, already on the job's thread. */
        void interruptRequested(AgentSpeech speech);
    }

    enum Kind {
        SAY,
        REPLY,
        APOLOGY
    }

    private final String id;
    private final Kind kind;
    private final boolean allowInterruptions;
    private final JobExecutor executor;
    private final Playback playback;
    private final Tts tts;
    private final Host host;
    private final CompletableFuture<Playout> done = new CompletableFuture<>();
    private final List<Sentence> sentences = new ArrayList<>();
    private final SpeechTranscript transcript;

    private boolean textComplete;
    private int nextSynth;
    private Cancellable synthesis;
    private int synthGeneration;
    private Runnable onStop = () -> {};

    private boolean outputEnabled;
    /** Index in the speech's audio of the next sample to hand to the playback. */
    private long cursor;
    /** Where the playback's current utterance began; {@link Playout#playedMillis()} counts from here. */
    private long segmentStart;

    private int captureIndex;
    private int playbackGeneration;
    private boolean flushed;

    private boolean finished;
    private volatile boolean interrupted;
    private boolean failed;
    private volatile String spokenText = "";
    private int historyStep;

    long firstTtsRequestNanos = -1;
    long firstTtsAudioNanos = -1;
    long firstCaptureNanos = -1;

    AgentSpeech(String id, Kind kind, boolean allowInterruptions, Room room, Playback playback, Tts tts, Host host) {
        this.id = id;
        this.kind = kind;
        this.allowInterruptions = allowInterruptions;
        this.executor = room.executor();
        this.playback = playback;
        this.tts = tts;
        this.host = host;
        this.transcript = new SpeechTranscript(
                room, "SG_" + id, sentences, index -> spokenText = heardText(sentences.get(index).start, false));
    }

    // --- SpeechHandle (any thread) ---

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletableFuture<Playout> done() {
        return done;
    }

    @Override
    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public void interrupt() {
        executor.execute(() -> host.interruptRequested(this));
    }

    @Override
    public String spokenText() {
        return spokenText;
    }

    // --- the conversation's side (job thread) ---

    Kind kind() {
        return kind;
    }

    boolean allowInterruptions() {
        return allowInterruptions;
    }

    boolean isFinished() {
        return finished;
    }

    boolean failed() {
        return failed;
    }

    boolean outputEnabled() {
        return outputEnabled;
    }

    /** Whether any of this speech's audio has gone to the playback. */
    boolean audioStarted() {
        return firstCaptureNanos >= 0;
    }

    /** Called on stop (interruption or failure): cancels the model and tools feeding this speech. */
    void onStop(Runnable action) {
        this.onStop = action;
    }

    void addSentence(String text, boolean inHistory, int step) {
        if (finished || textComplete) {
            return;
        }
        sentences.add(new Sentence(text, inHistory, step));
        synthesizeNext();
    }

    /** The model started a new step (tool round); the history message holds the last step's words. */
    void beginStep(int step) {
        historyStep = step;
    }

    /** No more sentences will come; the speech ends once they have played. */
    void completeText(int lastStep) {
        historyStep = lastStep;
        textComplete = true;
        maybeFlush();
    }

    /** Starts (or resumes) handing audio to the playback from where the room stopped hearing it. */
    void enableOutput() {
        if (finished || outputEnabled) {
            return;
        }
        outputEnabled = true;
        segmentStart = cursor;
        flushed = false;
        pump();
    }

    /**
     * Stops the audio now (barge-in): the playback is cleared, and how much of it was heard becomes
     * the point a resume starts from. Synthesis and the model keep going until {@link #stop}.
     */
    void disableOutput() {
        if (!outputEnabled) {
            return;
        }
        outputEnabled = false;
        playbackGeneration++;
        long played = cursor;
        if (cursor > segmentStart || flushed) {
            Playout playout = playback.clear();
            played = Math.min(cursor, segmentStart + samples(playout.playedMillis()));
        }
        cursor = played;
        segmentStart = played;
        flushed = false;
        transcript.paused();
        captureIndex = sentenceAt(cursor);
        spokenText = heardText(cursor, false);
    }

    /** Ends the speech now, as interrupted: audio stopped, model and synthesis cancelled. */
    void stop() {
        if (finished) {
            return;
        }
        disableOutput();
        interrupted = true;
        cancelSynthesis();
        onStop.run();
        finish(cursor);
    }

    /** A provider failed: nothing more is synthesised; what is already there still plays. */
    void fail() {
        if (finished) {
            return;
        }
        failed = true;
        onStop.run();
        cancelSynthesis();
        sentences
                .subList(Math.min(nextSynth, sentences.size()), sentences.size())
                .clear();
        sentences.forEach(s -> s.synthesized = s.started());
        textComplete = true;
        pump();
    }

    /** The words heard so far; only the model's words of the last step when {@code forHistory}. */
    String heardText(long playedSamples, boolean forHistory) {
        StringBuilder out = new StringBuilder();
        for (Sentence s : sentences) {
            if (forHistory && (!s.inHistory || s.step != historyStep)) {
                continue;
            }
            String heard = s.heard(playedSamples - s.start);
            if (!heard.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(heard);
            }
        }
        return out.toString();
    }

    /** What goes into the history: the model's words of its last step, cut at what the room heard. */
    String historyText() {
        return heardText(cursor, true);
    }

    // --- synthesis ---

    private void synthesizeNext() {
        if (finished || failed || synthesis != null || nextSynth >= sentences.size()) {
            maybeFlush();
            return;
        }
        Sentence sentence = sentences.get(nextSynth);
        sentence.start = nextSynth == 0 ? 0 : sentences.get(nextSynth - 1).end();
        nextSynth++;
        int generation = ++synthGeneration;
        if (firstTtsRequestNanos < 0) {
            firstTtsRequestNanos = executor.nanoTime();
        }
        try {
            synthesis =
                    tts.synthesize(sentence.text, event -> executor.execute(() -> onTts(generation, sentence, event)));
        } catch (RuntimeException e) {
            synthesis = null;
            host.failed(this, e);
        }
    }

    private void onTts(int generation, Sentence sentence, TtsEvent event) {
        if (generation != synthGeneration || finished) {
            return;
        }
        if (event instanceof TtsEvent.Audio audio) {
            if (firstTtsAudioNanos < 0) {
                firstTtsAudioNanos = executor.nanoTime();
            }
            sentence.append(audio.samples());
            pump();
        } else if (event instanceof TtsEvent.Done) {
            sentence.synthesized = true;
            synthesis = null;
            synthesizeNext();
            pump();
        } else if (event instanceof TtsEvent.Failed failure) {
            synthesis = null;
            host.failed(this, failure.error());
        }
    }

    private void cancelSynthesis() {
        synthGeneration++;
        if (synthesis != null) {
            synthesis.cancel();
            synthesis = null;
        }
    }

    // --- output ---

    private void pump() {
        if (finished || !outputEnabled) {
            return;
        }
        while (captureIndex < sentences.size()) {
            Sentence s = sentences.get(captureIndex);
            if (!s.started()) {
                break;
            }
            if (s.length() > 0) { // a sentence with no audio (a failed synthesis) was never said
                transcript.queued(captureIndex, Duration.ofMillis(playback.queuedMillis()));
            }
            if (cursor < s.end()) {
                short[] piece = s.audio((int) (cursor - s.start), s.length());
                // AudioFrame's timestamp is System.nanoTime by contract: the runtime measures its own latency with it.
                playback.capture(new AudioFrame(piece, tts.sampleRate(), 1, System.nanoTime()));
                cursor = s.end();
                if (firstCaptureNanos < 0) {
                    firstCaptureNanos = executor.nanoTime();
                    host.audioStarted(this);
                }
            }
            if (!s.synthesized) {
                break;
            }
            captureIndex++;
        }
        maybeFlush();
    }

    private void maybeFlush() {
        boolean allAudio =
                textComplete && synthesis == null && nextSynth == sentences.size() && captureIndex == sentences.size();
        if (finished || !outputEnabled || flushed || !allAudio) {
            return;
        }
        flushed = true;
        int generation = playbackGeneration;
        playback.flush()
                .whenComplete((playout, error) -> executor.execute(() -> {
                    if (generation == playbackGeneration && !finished) {
                        long played = playout == null
                                ? cursor
                                : Math.min(cursor, segmentStart + samples(playout.playedMillis()));
                        finish(played);
                    }
                }));
    }

    private void finish(long playedSamples) {
        finished = true;
        cursor = playedSamples;
        transcript.close();
        spokenText = heardText(playedSamples, false);
        host.finished(this);
        done.complete(new Playout(playedSamples * 1000 / tts.sampleRate(), interrupted));
    }

    private int sentenceAt(long position) {
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (!s.started() || position < s.end() || !s.synthesized) {
                return i;
            }
        }
        return sentences.size();
    }

    private long samples(long millis) {
        return millis * tts.sampleRate() / 1000;
    }
}
