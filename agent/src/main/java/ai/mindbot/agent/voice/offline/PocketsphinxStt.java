package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streaming speech recognition with CMU pocketsphinx (en-us) through JNA.
 *
 * <p>Each stream owns a decoder and a worker thread: {@code push} only queues a copy of the audio,
 * so the caller (the job's thread) never waits for decoding, which costs about a third of real time
 * on this 2-core machine. On the worker, audio goes to {@code ps_process_raw} as it arrives; every
 * {@value #INTERIM_EVERY_SAMPLES} samples of speech the current hypothesis is reported as
 * {@link SttEvent.Interim} when it changed. An utterance ends when the caller flushes or when the
 * decoder's own voice detector hears it stop; either way the stream reports {@link SttEvent.Final}
 * (its text empty if no word was recognised, so a flush always gets an answer) and then
 * {@link SttEvent.EndOfSpeech}. Events come on the stream's worker thread.
 *
 * <p>A decoder costs about 0.5 s to create with the general language model (most of it reading the
 * 26 MB model), so the stream creates it on its worker: the first audio simply waits in the queue.
 */
public final class PocketsphinxStt implements Stt {

    private static final Logger log = LoggerFactory.getLogger(PocketsphinxStt.class);
    static final int SAMPLE_RATE = 16_000;
    /** 300 ms: often enough for live captions, rare enough that the hypothesis search stays cheap. */
    static final int INTERIM_EVERY_SAMPLES = SAMPLE_RATE * 3 / 10;

    private final PocketsphinxModel model;

    public PocketsphinxStt(PocketsphinxModel model) {
        this.model = model;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    /** Its live feature normalisation drifts on long faint noise; see {@link Stt#hearsOnlySpeech()}. */
    @Override
    public boolean hearsOnlySpeech() {
        return true;
    }

    @Override
    public SttStream stream(Consumer<SttEvent> events) {
        return new Stream(model, events);
    }

    /** One decoder, confined to one worker thread: pocketsphinx decoders are not thread-safe. */
    private static final class Stream implements SttStream {

        private final ExecutorService worker;
        private final Consumer<SttEvent> events;
        private final PocketsphinxModel model;
        // worker-thread state
        private Pointer decoder;
        private boolean failed;
        private boolean inSpeech;
        private int samplesSinceInterim;
        private String lastInterim = "";

        Stream(PocketsphinxModel model, Consumer<SttEvent> events) {
            this.model = model;
            this.events = events;
            this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "pocketsphinx");
                t.setDaemon(true);
                return t;
            });
            worker.execute(this::open);
        }

        @Override
        public void push(short[] samples) {
            short[] copy = samples.clone(); // the caller may reuse its buffer
            submit(() -> decode(copy));
        }

        @Override
        public void flush() {
            submit(this::endUtterance);
        }

        @Override
        public void close() {
            submit(this::free);
            worker.shutdown();
        }

        /** Audio or a flush after close is dropped: the decoder is gone. */
        private void submit(Runnable task) {
            try {
                worker.execute(task);
            } catch (RejectedExecutionException e) {
                log.debug("pocketsphinx stream is closed; dropped a late call");
            }
        }

        private void open() {
            try {
                List<Object> args = new ArrayList<>(model.arguments());
                args.add(null);
                Pointer config =
                        Sphinx.Libraries.BASE.cmd_ln_init(null, Sphinx.Libraries.PS.ps_args(), 1, args.toArray());
                if (config == null) {
                    throw new IllegalStateException("pocketsphinx rejected its configuration " + model.arguments());
                }
                decoder = Sphinx.Libraries.PS.ps_init(config);
                Sphinx.Libraries.BASE.cmd_ln_free_r(config); // the decoder keeps its own reference
                if (decoder == null) {
                    throw new IllegalStateException("pocketsphinx could not load " + model);
                }
                check(Sphinx.Libraries.PS.ps_start_utt(decoder), "ps_start_utt");
            } catch (RuntimeException | LinkageError e) { // LinkageError: the library is not installed
                fail(e);
            }
        }

        private void decode(short[] samples) {
            if (failed) {
                return;
            }
            try {
                check(
                        Sphinx.Libraries.PS.ps_process_raw(decoder, samples, new NativeLong(samples.length), 0, 0),
                        "ps_process_raw");
                boolean speech = Sphinx.Libraries.PS.ps_get_in_speech(decoder) != 0;
                if (speech && !inSpeech) {
                    inSpeech = true;
                    samplesSinceInterim = 0;
                    events.accept(new SttEvent.StartOfSpeech());
                } else if (!speech && inSpeech) {
                    endUtterance(); // its own silence detection: the speaker paused
                    return;
                }
                if (inSpeech) {
                    samplesSinceInterim += samples.length;
                    if (samplesSinceInterim >= INTERIM_EVERY_SAMPLES) {
                        samplesSinceInterim = 0;
                        String text = hypothesis();
                        if (!text.isEmpty() && !text.equals(lastInterim)) {
                            lastInterim = text;
                            events.accept(new SttEvent.Interim(text));
                        }
                    }
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void endUtterance() {
            if (failed) {
                return;
            }
            try {
                check(Sphinx.Libraries.PS.ps_end_utt(decoder), "ps_end_utt");
                String text = hypothesis();
                double confidence = text.isEmpty() ? 0 : confidence();
                inSpeech = false;
                lastInterim = "";
                samplesSinceInterim = 0;
                check(Sphinx.Libraries.PS.ps_start_utt(decoder), "ps_start_utt");
                events.accept(new SttEvent.Final(text, confidence));
                events.accept(new SttEvent.EndOfSpeech());
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private String hypothesis() {
            String hyp = Sphinx.Libraries.PS.ps_get_hyp(decoder, new IntByReference());
            return hyp == null ? "" : hyp.trim();
        }

        /** The posterior probability of the best path, 0 to 1. */
        private double confidence() {
            int logProbability = Sphinx.Libraries.PS.ps_get_prob(decoder);
            double p = Sphinx.Libraries.BASE.logmath_exp(Sphinx.Libraries.PS.ps_get_logmath(decoder), logProbability);
            return Math.max(0, Math.min(1, p));
        }

        private void free() {
            if (decoder != null) {
                Sphinx.Libraries.PS.ps_free(decoder);
                decoder = null;
            }
        }

        private void fail(Throwable error) {
            failed = true;
            log.warn("pocketsphinx stream failed: {}", error.toString());
            events.accept(new SttEvent.Failed(error));
        }

        private static void check(int status, String call) {
            if (status < 0) {
                throw new IllegalStateException(call + " failed with " + status);
            }
        }
    }
}
