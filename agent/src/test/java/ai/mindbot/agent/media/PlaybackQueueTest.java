package ai.mindbot.agent.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.mindbot.agent.api.Playout;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The speech queue, driven tick by tick through the mixer as the audio clock would. */
class PlaybackQueueTest {

    /** Stands in for the job's thread: completions wait here until the test runs them. */
    private final ArrayDeque<Runnable> jobThread = new ArrayDeque<>();

    private final Executor completions = jobThread::add;
    private final AudioMixer mixer = new AudioMixer();
    private final PlaybackQueue voice = mixer.playback("voice", completions);
    private final long[] timestamp = new long[1];

    @Test
    void tenSecondsWrittenAtOncePlayEntirely() {
        voice.capture(AudioFrame.mono(filled(480_000, 1000), 7));
        CompletableFuture<Playout> played = voice.flush();
        assertThat(voice.queuedMillis()).isEqualTo(10_000);

        for (int tick = 0; tick < 1000; tick++) {
            assertThat(mixer.mixNext(timestamp)).as("frame %d", tick).containsOnly((short) 1000);
        }
        runJobThread();

        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 0);
        assertThat(played).isCompletedWithValue(new Playout(10_000, false));
        assertThat(voice.queuedMillis()).isZero();
    }

    @Test
    void flushCompletesAfterTheLastFrameWentOutAndSaysHowLongItWas() {
        voice.capture(AudioFrame.mono(filled(12_000, 500), 1)); // 250 ms
        voice.capture(AudioFrame.mono(filled(240, 500), 2)); // + 5 ms: the last frame is half padding
        CompletableFuture<Playout> played = voice.flush();

        for (int tick = 0; tick < 25; tick++) {
            mixer.mixNext(timestamp);
        }
        runJobThread();
        assertThat(played).isNotDone();

        short[] last = mixer.mixNext(timestamp);
        assertThat(played).as("completes on the job's thread, not the clock's").isNotDone();
        runJobThread();

        assertThat(played).isCompletedWithValue(new Playout(255, false));
        assertThat(Arrays.copyOfRange(last, 0, 240)).containsOnly((short) 500);
        assertThat(Arrays.copyOfRange(last, 240, 480)).containsOnly((short) 0);
    }

    @Test
    void clearMidUtteranceReportsWhatWasPlayedAndDropsTheRest() {
        voice.capture(AudioFrame.mono(filled(48_000, 800), 1));
        CompletableFuture<Playout> first = voice.flush();
        voice.capture(AudioFrame.mono(filled(48_000, 900), 2));
        CompletableFuture<Playout> second = voice.flush();
        for (int tick = 0; tick < 30; tick++) {
            mixer.mixNext(timestamp);
        }

        Playout heard = voice.clear();

        assertThat(heard).isEqualTo(new Playout(300, true));
        assertThat(mixer.mixNext(timestamp)).as("silent from the next tick").containsOnly((short) 0);
        assertThat(voice.queuedMillis()).isZero();
        runJobThread();
        assertThat(first).isCompletedWithValue(new Playout(300, true));
        assertThat(second).isCompletedWithValue(new Playout(0, true));
    }

    @Test
    void speaksAgainAfterAClear() {
        voice.capture(AudioFrame.mono(filled(4_800, 100), 1));
        voice.clear();

        voice.capture(AudioFrame.mono(filled(960, 200), 2));
        CompletableFuture<Playout> played = voice.flush();

        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 200);
        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 200);
        runJobThread();
        assertThat(played).isCompletedWithValue(new Playout(20, false));
    }

    @Test
    void playsUtterancesBackToBackInOrder() {
        voice.capture(AudioFrame.mono(filled(480, 1), 1));
        voice.flush();
        voice.capture(AudioFrame.mono(filled(480, 2), 2));
        voice.flush();

        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 1);
        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 2);
        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 0);
    }

    @Test
    void anOpenUtteranceThatRunsDryWaitsForMoreInsteadOfEnding() {
        voice.capture(AudioFrame.mono(filled(480, 3), 1));
        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 3);
        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 0); // the TTS is late: a gap

        voice.capture(AudioFrame.mono(filled(480, 4), 2));
        CompletableFuture<Playout> played = voice.flush();
        assertThat(mixer.mixNext(timestamp)).containsOnly((short) 4);
        runJobThread();

        assertThat(played).isCompletedWithValue(new Playout(20, false));
    }

    @Test
    void aFlushWithNothingCapturedCompletesAtOnce() {
        assertThat(voice.flush()).isCompletedWithValue(new Playout(0, false));
    }

    @Test
    void reportsTheCaptureTimeOfAnUtterancesFirstFrameOnly() {
        voice.capture(AudioFrame.mono(filled(960, 5), 42));
        voice.flush();

        mixer.mixNext(timestamp);
        assertThat(timestamp[0]).isEqualTo(42);
        mixer.mixNext(timestamp);
        assertThat(timestamp[0]).as("queued by design, not our latency").isZero();
    }

    @Test
    void plays24KilohertzSpeechAtTheRightPitchAndLength() {
        short[] tone = ResamplerTest.tone(440, 24_000, 1.0, 8_000);
        for (int at = 0; at < tone.length; at += 480) { // 20 ms pieces, as a TTS stream delivers them
            voice.capture(new AudioFrame(Arrays.copyOfRange(tone, at, at + 480), 24_000, 1, 1));
        }
        CompletableFuture<Playout> played = voice.flush();

        short[] out = playUntilDone(played);

        assertThat(played.join()).isEqualTo(new Playout(1000, false));
        assertThat(out.length).isEqualTo(48_000);
        assertThat(ResamplerTest.dominantFrequency(out, 48_000)).isCloseTo(440, within(3.0));
        assertThat(ResamplerTest.rms(out, 500)).isCloseTo(8_000 / Math.sqrt(2), within(120.0));
    }

    @Test
    void mixesStereo22050DownToMono48() {
        short[] mono = ResamplerTest.tone(300, 22_050, 0.5, 6_000);
        short[] stereo = new short[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        voice.capture(new AudioFrame(stereo, 22_050, 2, 1));
        CompletableFuture<Playout> played = voice.flush();

        short[] out = playUntilDone(played);

        assertThat(played.join().playedMillis()).isEqualTo(500);
        assertThat(ResamplerTest.dominantFrequency(out, 48_000)).isCloseTo(300, within(3.0));
    }

    @Test
    void aProducerThreadAndTheClockThreadShareTheQueueWithoutLosingAudio() throws Exception {
        PlaybackQueue shared = mixer.playback("shared", Runnable::run);
        short[] piece = ResamplerTest.tone(300, 24_000, 0.02, 5_000);
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong loudFrames = new AtomicLong();
        Thread clock = new Thread(() -> {
            long[] ts = new long[1];
            while (producing.get() || shared.queuedMillis() > 0) {
                short[] frame = mixer.mixNext(ts);
                if (frame[240] != 0 || frame[100] != 0) {
                    loudFrames.incrementAndGet();
                }
            }
        });
        clock.start();

        for (int i = 0; i < 100; i++) { // 2 s in 20 ms pieces, racing the clock
            shared.capture(new AudioFrame(piece.clone(), 24_000, 1, 1));
        }
        CompletableFuture<Playout> played = shared.flush();
        Playout playout = played.get(5, TimeUnit.SECONDS);
        producing.set(false);
        clock.join(5_000);

        assertThat(playout).isEqualTo(new Playout(2000, false));
        assertThat(loudFrames.get()).isBetween(195L, 201L);
    }

    private short[] playUntilDone(CompletableFuture<Playout> played) {
        short[] out = new short[0];
        for (int tick = 0; tick < 10_000 && !played.isDone(); tick++) {
            short[] frame = mixer.mixNext(timestamp);
            out = Arrays.copyOf(out, out.length + frame.length);
            System.arraycopy(frame, 0, out, out.length - frame.length, frame.length);
            runJobThread();
        }
        // the last frame is padded to 10 ms: keep only what was played
        return Arrays.copyOf(out, (int) (played.join().playedMillis() * 48));
    }

    private void runJobThread() {
        while (!jobThread.isEmpty()) {
            jobThread.poll().run();
        }
    }

    private static short[] filled(int samples, int value) {
        short[] s = new short[samples];
        Arrays.fill(s, (short) value);
        return s;
    }
}
