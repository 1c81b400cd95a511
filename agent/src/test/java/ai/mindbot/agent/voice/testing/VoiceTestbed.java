package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.voice.Conversation;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.VoiceOptions;
import ai.mindbot.agent.voice.VoiceProviders;
import java.time.Duration;
import java.util.List;

/**
 * A {@link Conversation} wired to fakes under a manual clock, with a user who can speak (loud 48 kHz
 * frames, 10 ms of virtual time each), fall silent, and be "recognised" ({@link FakeStt#emit}).
 * Reusable by any test of code built on the engine.
 */
public final class VoiceTestbed implements AutoCloseable {

    public static final String USER = "user-1";

    public final ManualExecutor clock = new ManualExecutor();
    public final FakeRoom room = new FakeRoom(clock);
    public final FakeStt stt;
    public final FakeLlm llm = new FakeLlm(clock);
    public final FakeTts tts = new FakeTts(clock);
    public final LoudnessVad vad = new LoudnessVad();
    public final Conversation conversation;
    private long phase;

    public VoiceTestbed() {
        this(VoiceOptions.defaults());
    }

    public VoiceTestbed(VoiceOptions options) {
        this(options, new FakeStt());
    }

    public VoiceTestbed(VoiceOptions options, FakeStt stt) {
        this.stt = stt;
        conversation = new Conversation(room, USER, new VoiceProviders(vad, stt, llm, tts, "fakes"), options);
        conversation.start();
        clock.runPending();
    }

    public FakePlayback playback() {
        return room.playback(Conversation.VOICE);
    }

    /** The user speaks (a loud tone) for {@code duration}. */
    public void speak(Duration duration) {
        frames(duration, true);
    }

    /** The user is silent for {@code duration}. */
    public void silence(Duration duration) {
        frames(duration, false);
    }

    /**
     * A whole spoken turn: {@code speech} of voice with an interim guess half-way, the recogniser's
     * final words as the voice stops (after the engine's flush), then silence until the turn ends.
     */
    public void userSays(String text, Duration speech) {
        speak(speech.dividedBy(2));
        stt.emit(new SttEvent.Interim(text.split(" ")[0]));
        speak(speech.dividedBy(2));
        silence(Duration.ofMillis(100));
        stt.emit(new SttEvent.Final(text, 0.95));
        silence(Duration.ofSeconds(1));
    }

    /** Moves virtual time without audio frames (the user's track is muted). */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    private void frames(Duration duration, boolean loud) {
        long frames = duration.toMillis() / 10;
        for (long f = 0; f < frames; f++) {
            short[] pcm = new short[AudioFrame.SAMPLES_PER_10MS];
            if (loud) {
                for (int i = 0; i < pcm.length; i++, phase++) {
                    pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * phase / AudioFrame.SAMPLE_RATE));
                }
            }
            conversation.pushAudio(AudioFrame.mono(pcm, clock.nanoTime()));
            clock.advance(Duration.ofMillis(10));
        }
    }

    /** Whole texts the agent sent on {@code lk.transcription}: the user's (sent whole) and its own (streamed). */
    public List<FakeRoom.SentText> transcripts() {
        return room.texts(Room.TOPIC_TRANSCRIPTION);
    }

    @Override
    public void close() {
        conversation.close();
        clock.runPending();
    }
}
