package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.Resampler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening half of a conversation: the user's 48 kHz audio goes down to 16 kHz, through the
 * voice detector and into the recogniser; their transcripts go out on {@code lk.transcription}; and
 * endpointing decides when the turn is over.
 *
 * <p>Endpointing, as LiveKit's turn.py with VAD and STT: a turn ends {@code minEndpointingDelay}
 * after the user's last speech if the recogniser has given final words by then (the voice detector
 * asks it to finalise the moment the user stops), or as soon as they arrive after that; if no final
 * words come, the turn ends {@code maxEndpointingDelay} after the last speech with the latest
 * interim words, or is dropped when there are none (a cough). New speech before that resets the wait.
 */
final class UserInput implements VoiceDetector.Listener, AutoCloseable {

    /** What the conversation hears from the user side. Called on the job's thread. */
    interface Events {
        void userStartedSpeaking();

        void userStoppedSpeaking();

        /** The recogniser heard words (interim or final): speech, not noise. */
        void userWords();

        void userTurnEnded(UserTurn turn);

        /** The recogniser failed while the user was talking: this turn is lost. */
        void recognitionFailed(Throwable error);
    }

    private static final Logger log = LoggerFactory.getLogger(UserInput.class);
    private static final Duration MAX_REOPEN_DELAY = Duration.ofSeconds(30);
    /** What a recogniser that hears only speech gets from before the detector's start: the onset of the first word. */
    private static final int LEAD_IN_MILLIS = 500;

    private final Room room;
    /** Captions of the user's words are sent on their behalf, so clients show them as the user's. */
    private final String userIdentity;

    private final JobExecutor executor;
    private final Stt stt;
    private final VoiceOptions options;
    private final Events events;
    private final VoiceDetector detector;
    private Resampler resampler;
    /** Only when the recogniser does not take the detector's 16 kHz. */
    private final Resampler sttResampler;

    private Stt.SttStream sttStream;
    /** For {@link Stt#hearsOnlySpeech()}: the latest audio not (yet) called speech, at the recogniser's rate. */
    private final ArrayDeque<short[]> leadIn = new ArrayDeque<>();

    private int leadInSamples;
    /** Bumped on every (re)open so events of a closed stream are ignored. */
    private int sttGeneration;

    private Duration reopenDelay = Duration.ofMillis(250);
    private boolean closed;

    private final StringBuilder finals = new StringBuilder();
    private String interim = "";
    private long lastSpeechNanos = -1;
    private long lastFinalNanos = -1;
    private Cancellable endpointTimer;
    private String segmentId = newSegmentId();

    UserInput(Room room, String userIdentity, Vad vad, Stt stt, VoiceOptions options, Events events) {
        this.userIdentity = userIdentity;
        this.room = room;
        this.executor = room.executor();
        this.stt = stt;
        this.options = options;
        this.events = events;
        this.detector = new VoiceDetector(vad, options, this);
        this.sttResampler =
                stt.sampleRate() == Vad.SAMPLE_RATE ? null : new Resampler(Vad.SAMPLE_RATE, stt.sampleRate());
    }

    void start() {
        openStt();
    }

    boolean userSpeaking() {
        return detector.speaking();
    }

    void push(AudioFrame frame) {
        if (closed) {
            return;
        }
        AudioFrame mono = frame.toMono();
        if (resampler == null || resampler.inRate() != mono.sampleRate()) {
            resampler = new Resampler(mono.sampleRate(), Vad.SAMPLE_RATE);
        }
        short[] pcm16k = resampler.process(mono.samples());
        if (pcm16k.length == 0) {
            return;
        }
        short[] sttAudio = sttResampler == null ? pcm16k : sttResampler.process(pcm16k);
        if (stt.hearsOnlySpeech() && !detector.speaking()) {
            keepAsLeadIn(sttAudio); // sent if the detector now hears speech start (speechStarted)
        } else {
            pushToStt(sttAudio);
        }
        detector.push(pcm16k, executor.nanoTime());
    }

    private void pushToStt(short[] audio) {
        if (sttStream != null && audio.length > 0) {
            try {
                sttStream.push(audio);
            } catch (RuntimeException e) {
                onSttFailure(e); // a stream that cannot take audio is as broken as one that reported it
            }
        }
    }

    private void keepAsLeadIn(short[] audio) {
        leadIn.addLast(audio);
        leadInSamples += audio.length;
        int limit = stt.sampleRate() * LEAD_IN_MILLIS / 1000;
        while (leadInSamples - leadIn.peekFirst().length >= limit) {
            leadInSamples -= leadIn.removeFirst().length;
        }
    }

    // --- voice detector ---

    @Override
    public void speechStarted() {
        cancelEndpoint();
        while (!leadIn.isEmpty()) {
            pushToStt(leadIn.removeFirst());
        }
        leadInSamples = 0;
        events.userStartedSpeaking();
    }

    @Override
    public void speechStopped(long lastVoiceNanos) {
        lastSpeechNanos = lastVoiceNanos;
        if (sttStream != null) {
            sttStream.flush();
        }
        events.userStoppedSpeaking();
        scheduleEndpoint();
    }

    // --- recogniser ---

    private void openStt() {
        int generation = ++sttGeneration;
        try {
            sttStream = stt.stream(event -> executor.execute(() -> {
                if (generation == sttGeneration && !closed) {
                    onStt(event);
                }
            }));
        } catch (RuntimeException e) {
            sttStream = null;
            onSttFailure(e);
        }
    }

    private void onStt(SttEvent event) {
        // The recogniser's own endpointing arrives as its final words (speech_final); its start and
        // end of speech add nothing the voice detector and the finals do not already say.
        if (event instanceof SttEvent.Interim interim) {
            onInterim(interim.text());
        } else if (event instanceof SttEvent.Final fin) {
            onFinal(fin.text());
        } else if (event instanceof SttEvent.Failed failed) {
            onSttFailure(failed.error());
        }
    }

    private void onInterim(String text) {
        reopenDelay = Duration.ofMillis(250);
        if (text == null || text.isBlank()) {
            return;
        }
        interim = text.strip();
        publish(joined(interim), false);
        events.userWords();
    }

    private void onFinal(String text) {
        reopenDelay = Duration.ofMillis(250);
        if (text == null || text.isBlank()) {
            return;
        }
        if (!finals.isEmpty()) {
            finals.append(' ');
        }
        finals.append(text.strip());
        interim = "";
        lastFinalNanos = executor.nanoTime();
        publish(finals.toString(), false);
        events.userWords();
        if (!detector.speaking()) {
            if (lastSpeechNanos < 0) {
                lastSpeechNanos = lastFinalNanos; // words the voice detector missed (a quiet voice)
            }
            scheduleEndpoint();
        }
    }

    private void onSttFailure(Throwable error) {
        log.warn("speech recogniser failed: {}", error.toString());
        if (sttStream != null) {
            closeQuietly(sttStream);
            sttStream = null;
        }
        sttGeneration++;
        boolean turnInProgress = detector.speaking() || lastSpeechNanos >= 0 || !finals.isEmpty();
        resetTurn();
        if (turnInProgress) {
            events.recognitionFailed(error);
        }
        Duration delay = reopenDelay;
        reopenDelay = reopenDelay.multipliedBy(2).compareTo(MAX_REOPEN_DELAY) > 0
                ? MAX_REOPEN_DELAY
                : reopenDelay.multipliedBy(2);
        executor.schedule(
                () -> {
                    if (!closed && sttStream == null) {
                        openStt();
                    }
                },
                delay);
    }

    // --- endpointing ---

    private void scheduleEndpoint() {
        cancelEndpoint();
        if (lastSpeechNanos < 0) {
            return;
        }
        Duration wait = finals.isEmpty() ? options.maxEndpointingDelay() : options.minEndpointingDelay();
        long dueNanos = lastSpeechNanos + wait.toNanos();
        long delay = Math.max(0, dueNanos - executor.nanoTime());
        endpointTimer = executor.schedule(this::endpoint, Duration.ofNanos(delay));
    }

    private void endpoint() {
        endpointTimer = null;
        if (closed || detector.speaking()) {
            return;
        }
        String text = finals.isEmpty() ? interim : finals.toString();
        if (!finals.isEmpty() || !interim.isEmpty()) {
            publish(text, true);
        }
        UserTurn turn = new UserTurn(text, lastSpeechNanos, lastFinalNanos, executor.nanoTime());
        resetTurn();
        if (!text.isBlank()) {
            events.userTurnEnded(turn);
        }
    }

    private void resetTurn() {
        cancelEndpoint();
        finals.setLength(0);
        interim = "";
        lastSpeechNanos = -1;
        lastFinalNanos = -1;
        segmentId = newSegmentId();
    }

    private void cancelEndpoint() {
        if (endpointTimer != null) {
            endpointTimer.cancel();
            endpointTimer = null;
        }
    }

    private String joined(String interimText) {
        return finals.isEmpty() ? interimText : finals + " " + interimText;
    }

    /** The user's words as LiveKit clients show captions: one segment per turn, interim then final. */
    private void publish(String text, boolean fin) {
        Map<String, String> attributes =
                new HashMap<>(Map.of(Transcripts.SEGMENT_ID, segmentId, Transcripts.FINAL, Boolean.toString(fin)));
        room.audioTrackSid(userIdentity).ifPresent(track -> attributes.put(Transcripts.TRACK_ID, track));
        room.sendTextFor(userIdentity, Room.TOPIC_TRANSCRIPTION, text, attributes, List.of());
    }

    private static String newSegmentId() {
        return "SG_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void closeQuietly(Stt.SttStream stream) {
        try {
            stream.close();
        } catch (RuntimeException e) {
            log.debug("closing the recogniser stream failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelEndpoint();
        if (sttStream != null) {
            closeQuietly(sttStream);
            sttStream = null;
        }
        detector.close();
    }
}
