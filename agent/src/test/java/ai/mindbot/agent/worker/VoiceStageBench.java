package ai.mindbot.agent.worker;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.local.LocalRoom;
import ai.mindbot.agent.media.AudioClock;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.media.AudioMixer;
import ai.mindbot.agent.voice.AgentState;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Conversation;
import ai.mindbot.agent.voice.ConversationListener;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.TurnMetrics;
import ai.mindbot.agent.voice.VoiceOptions;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.testing.FlushAnsweringStt;
import ai.mindbot.agent.voice.testing.LoudnessVad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What our own code adds to a voice turn, with providers that answer at once: the engine runs on the
 * real {@link JobThread}, speaks into a real {@link AudioMixer} playback ticked by the real
 * {@link AudioClock}, and the providers answer from their own thread (as a WebSocket reader would)
 * without any delay. Two stages, per turn:
 * <ul>
 *   <li><b>end of turn → LLM request</b>: how late the endpointing timer fired (the engine's own
 *   {@code eou} minus the configured endpointing delay) plus the turn commit → {@code Llm.chat};</li>
 *   <li><b>first TTS byte → first frame out</b>: the fake TTS emitting its first audio → the mixer
 *   returning that utterance's first frame on the clock's thread (so it includes the wait for the
 *   next 10 ms tick, 5 ms on average, by design).</li>
 * </ul>
 * Lives in the worker package because {@link JobThread} is package-private. Not a test: run it with
 * {@code scripts/bench-voice-stages [turns] [warm-up turns]}.
 */
public final class VoiceStageBench {

    private static final Duration ENDPOINTING = Duration.ofMillis(300);
    private static final int TTS_RATE = 24_000;

    private final AtomicLong llmRequestAt = new AtomicLong();
    private final AtomicLong userTurnAt = new AtomicLong();
    private final AtomicLong firstTtsAudioAt = new AtomicLong();
    private final AtomicLong eouNanos = new AtomicLong(-1);
    private final AtomicLong sttNanos = new AtomicLong(-1);
    /** What happened, in order (trace, turns, provider calls): printed when a turn hangs. */
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    private final Semaphore turnDone = new Semaphore(0);
    private final List<Long> endToRequest = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> timerLate = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> ttsToFrame = new ArrayList<>();
    private final ExecutorService provider = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-provider");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        new VoiceStageBench().run(turns, warmUp);
    }

    private void run(int turns, int warmUp) throws Exception {
        JobThread job = new JobThread("bench-job", "bench-room");
        // the console's room: the job's thread and the mixer's playback; captions go nowhere
        Participant user = new Participant("PA_bench", "user-1", "", "", Map.of(), Participant.Kind.STANDARD);
        LocalRoom room = new LocalRoom("bench-room", user, "MindBot", job, caption -> {}, () -> {});
        AudioMixer mixer = room.mixer();
        long[] oldest = new long[1];
        List<Long> frameOut = ttsToFrame; // filled on the audio clock's thread
        AudioClock clock = new AudioClock();
        clock.add(() -> {
            mixer.mixNext(oldest);
            // the playback stamps only an utterance's first frame, so this is "its first frame went out"
            if (oldest[0] != 0) {
                long tts = firstTtsAudioAt.getAndSet(0);
                if (tts != 0) {
                    long now = System.nanoTime();
                    synchronized (frameOut) {
                        frameOut.add(now - tts);
                    }
                }
            }
        });
        VoiceOptions d = VoiceOptions.defaults();
        VoiceOptions options = new VoiceOptions(
                d.activationThreshold(),
                d.minSpeech(),
                Duration.ofMillis(100),
                ENDPOINTING,
                d.maxEndpointingDelay(),
                d.allowInterruptions(),
                d.falseInterruptionTimeout(),
                d.fillerDelay(),
                d.fillerText(),
                d.maxToolSteps(),
                d.apologyText());
        VoiceProviders providers = new VoiceProviders(
                new LoudnessVad(), instantStt(), new InstantLlm(), new InstantTts(), "instant fakes");
        Conversation[] conversation = new Conversation[1];
        onJob(job, () -> {
            conversation[0] = new Conversation(room, "user-1", providers, options);
            conversation[0].addListener(new ConversationListener() {
                private AgentState last = AgentState.INITIALIZING;

                @Override
                public void onUserTurn(String text) {
                    userTurnAt.set(System.nanoTime());
                    trace.add("turn:" + text);
                }

                @Override
                public void onStateChanged(AgentState state) {
                    if (state == AgentState.LISTENING && last == AgentState.SPEAKING) {
                        turnDone.release();
                    }
                    last = state;
                    trace.add(state + "@" + System.nanoTime() / 1_000_000);
                }

                @Override
                public void onTurnMetrics(TurnMetrics metrics) {
                    eouNanos.set(metrics.endOfUtterance().toNanos());
                    sttNanos.set(metrics.sttFinal().toNanos());
                    recordTurnStart();
                }
            });
            conversation[0].start();
        });
        for (int turn = 0; turn < warmUp + turns; turn++) {
            speakOneTurn(job, conversation[0]);
            if (!turnDone.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("turn " + turn + " never finished speaking; trace " + trace);
            }
            if (turn == warmUp - 1) {
                synchronized (frameOut) {
                    frameOut.clear();
                }
                endToRequest.clear();
                timerLate.clear();
            }
            Thread.sleep(20);
        }
        onJob(job, conversation[0]::close);
        clock.close();
        job.shutdown();
        System.out.printf(
                "turns measured: %d (after %d warm-up turns), cores: %d%n",
                turns, warmUp, Runtime.getRuntime().availableProcessors());
        print("end of turn -> LLM request", endToRequest);
        print("  of which endpointing timer late", timerLate);
        synchronized (frameOut) {
            print("first TTS byte -> first frame out of mixer", frameOut);
        }
    }

    /** 300 ms of a loud tone then 300 ms of silence (enough for the 100 ms silence the detector needs in 32 ms windows), delivered on the job's thread like a room's audio. */
    private void speakOneTurn(JobThread job, Conversation conversation) throws InterruptedException {
        for (int f = 0; f < 60; f++) {
            short[] pcm = new short[AudioFrame.SAMPLES_PER_10MS];
            if (f < 30) {
                for (int i = 0; i < pcm.length; i++) {
                    pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / AudioFrame.SAMPLE_RATE));
                }
            }
            job.execute(() -> conversation.pushAudio(AudioFrame.mono(pcm, System.nanoTime())));
            Thread.sleep(10);
        }
    }

    /** Called once the reply's metrics are in: the turn's first stage. */
    private void recordTurnStart() {
        long request = llmRequestAt.get();
        long committed = userTurnAt.get();
        long eou = eouNanos.get();
        long due = Math.max(ENDPOINTING.toNanos(), sttNanos.get()); // the turn ends at the later of the two
        if (request == 0 || committed == 0 || eou < 0) {
            return;
        }
        long late = Math.max(0, eou - due);
        timerLate.add(late);
        endToRequest.add(late + (request - committed));
    }

    private static void onJob(JobThread job, Runnable task) throws InterruptedException {
        Semaphore done = new Semaphore(0);
        job.execute(() -> {
            try {
                task.run();
            } finally {
                done.release();
            }
        });
        done.acquire();
    }

    private static void print(String stage, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("%-45s no samples%n", stage);
            return;
        }
        System.out.printf(
                "%-45s n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
                stage,
                sorted.length,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Says the turn's words the moment the engine flushes (the voice detector heard silence). */
    private FlushAnsweringStt instantStt() {
        return new FlushAnsweringStt(events -> {
            trace.add("flush");
            provider.execute(() -> events.accept(new SttEvent.Final("what time is it", 0.99)));
        });
    }

    private final class InstantLlm implements Llm {
        @Override
        public Cancellable chat(ChatRequest request, Consumer<LlmEvent> events) {
            llmRequestAt.set(System.nanoTime());
            trace.add("llm" + request.messages().size());
            provider.execute(() -> {
                events.accept(new LlmEvent.TextDelta("It is noon."));
                events.accept(new LlmEvent.Done("stop", 10, 3));
            });
            return () -> {};
        }
    }

    /** 100 ms of 24 kHz audio in two chunks, at once; notes when the first byte came out. */
    private final class InstantTts implements Tts {
        @Override
        public int sampleRate() {
            return TTS_RATE;
        }

        @Override
        public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
            trace.add("tts:" + text);
            provider.execute(() -> {
                short[] chunk = new short[TTS_RATE / 20];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (short) (6000 * Math.sin(2 * Math.PI * 220 * i / TTS_RATE));
                }
                firstTtsAudioAt.compareAndSet(0, System.nanoTime());
                events.accept(new TtsEvent.Audio(chunk));
                events.accept(new TtsEvent.Audio(chunk.clone()));
                events.accept(new TtsEvent.Done());
            });
            return () -> {};
        }
    }
}
