package ai.mindbot.agent.bench;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.testing.FlushAnsweringStt;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cloud providers with a cloud's timing and none of its cost, for load tests: the recogniser's final
 * words come {@code sttFinal} after the engine flushes (the voice detector heard the speech end), the
 * model's first token {@code llmFirstToken} after the request, and synthesis starts {@code ttsFirstByte}
 * after the request and then streams in real time, 20 ms per chunk, as Deepgram and OpenAI do. All
 * rooms share two timer threads, as they would share an HTTP client's.
 */
final class TimedFakes {

    private static final int TTS_RATE = 24_000;
    private static final int CHUNK = TTS_RATE / 50;

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-cloud");
        t.setDaemon(true);
        return t;
    });
    private final String heard;
    private final Duration sttFinal;
    private final Duration llmFirstToken;
    private final Duration ttsFirstByte;
    private final Duration answerAudio;

    /** {@code heard}: the words the recogniser reports for every utterance. */
    TimedFakes(String heard, Duration sttFinal, Duration llmFirstToken, Duration ttsFirstByte, Duration answerAudio) {
        this.heard = heard;
        this.sttFinal = sttFinal;
        this.llmFirstToken = llmFirstToken;
        this.ttsFirstByte = ttsFirstByte;
        this.answerAudio = answerAudio;
    }

    Stt stt() {
        return new FlushAnsweringStt(events -> later(sttFinal, () -> events.accept(new SttEvent.Final(heard, 0.98))));
    }

    Llm llm() {
        return (ChatRequest request, Consumer<LlmEvent> events) -> later(llmFirstToken, () -> {
            events.accept(new LlmEvent.TextDelta("It is "));
            events.accept(new LlmEvent.TextDelta("twelve o'clock."));
            events.accept(new LlmEvent.Done("stop", request.messages().size() * 20, 6));
        });
    }

    Tts tts() {
        return new Tts() {
            @Override
            public int sampleRate() {
                return TTS_RATE;
            }

            @Override
            public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
                int chunks = (int) (answerAudio.toMillis() / 20);
                int[] sent = new int[1];
                ScheduledFuture<?>[] stream = new ScheduledFuture<?>[1];
                stream[0] = timers.scheduleAtFixedRate(
                        () -> {
                            if (sent[0] == chunks) {
                                events.accept(new TtsEvent.Done());
                                stream[0].cancel(false);
                                return;
                            }
                            events.accept(new TtsEvent.Audio(voiceLike(sent[0]++)));
                        },
                        ttsFirstByte.toMillis(),
                        20,
                        TimeUnit.MILLISECONDS);
                return () -> stream[0].cancel(false);
            }
        };
    }

    /** A loud, wavering tone: the participant hears it as speech, without decoding any text. */
    private static short[] voiceLike(int chunk) {
        short[] pcm = new short[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            long n = (long) chunk * CHUNK + i;
            double hz = 180 + 40 * Math.sin(2 * Math.PI * n / TTS_RATE * 3);
            pcm[i] = (short) (7000 * Math.sin(2 * Math.PI * hz * n / TTS_RATE));
        }
        return pcm;
    }

    private Cancellable later(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
