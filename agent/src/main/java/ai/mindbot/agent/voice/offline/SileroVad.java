package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.voice.Vad;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Silero VAD (v6, MIT) on ONNX Runtime: a small recurrent network that tells speech from silence,
 * noise and music, where {@link EnergyVad} only hears loudness.
 *
 * <p>The model takes 512 new samples at 16 kHz (32 ms) preceded by the last 64 samples of the
 * previous window as context, and carries a recurrent state {@code [2,1,128]} from window to window;
 * both belong to a stream. The session, which holds the 2.3 MB of weights, is shared by every stream:
 * {@code OrtSession.run} is thread-safe. One intra-op thread, because a window costs well under a
 * millisecond and the machine's cores belong to many rooms, not to one window (the same choice as
 * LiveKit's silero plugin).
 *
 * <p>Measured trap: ONNX Runtime 1.29.0 kills the JVM (SIGSEGV, no hs_err file) while starting its
 * environment when the {@code java} command line is longer than about 4 KB, as a long {@code -cp}
 * makes it. {@code java -jar} and Maven's test runners are not affected; scripts that need a long
 * class path pass it in {@code CLASSPATH} (scripts/bench-offline-voice).
 */
public final class SileroVad implements Vad, AutoCloseable {

    public static final String MODEL_FILE = "silero_vad.onnx";
    static final int WINDOW = 512;
    static final int CONTEXT = 64;
    private static final int STATE_SIZE = 2 * 1 * 128;
    private static final long[] INPUT_SHAPE = {1, CONTEXT + WINDOW};
    private static final long[] STATE_SHAPE = {2, 1, 128};

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OnnxTensor sampleRate;

    private SileroVad(OrtEnvironment environment, OrtSession session, OnnxTensor sampleRate) {
        this.environment = environment;
        this.session = session;
        this.sampleRate = sampleRate;
    }

    /** Loads {@code model} (scripts/install-voice puts it in .peers/voice/silero_vad.onnx). */
    public static SileroVad load(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no Silero VAD model at " + model + ": run scripts/install-voice");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.toString(), options);
            OnnxTensor sampleRate = OnnxTensor.createTensor(environment, (long) SAMPLE_RATE);
            return new SileroVad(environment, session, sampleRate);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Silero VAD model " + model + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int windowSamples() {
        return WINDOW;
    }

    @Override
    public VadStream newStream() {
        return new Stream();
    }

    @Override
    public void close() {
        try {
            sampleRate.close();
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream's context and recurrent state, in direct buffers that ONNX Runtime reads without a copy. */
    private final class Stream implements VadStream {

        private final FloatBuffer input = direct(CONTEXT + WINDOW);
        private final FloatBuffer state = direct(STATE_SIZE);

        @Override
        public float probability(short[] window) {
            if (window.length != WINDOW) {
                throw new IllegalArgumentException("window must be " + WINDOW + " samples, was " + window.length);
            }
            // slide: the previous window's last 64 samples become this one's context
            for (int i = 0; i < CONTEXT; i++) {
                input.put(i, input.get(WINDOW + i));
            }
            for (int i = 0; i < WINDOW; i++) {
                input.put(CONTEXT + i, window[i] / 32768f);
            }
            try (OnnxTensor samples = OnnxTensor.createTensor(environment, input, INPUT_SHAPE);
                    OnnxTensor previous = OnnxTensor.createTensor(environment, state, STATE_SHAPE);
                    OrtSession.Result result =
                            session.run(Map.of("input", samples, "state", previous, "sr", sampleRate))) {
                float speech = ((OnnxTensor) result.get("output").orElseThrow())
                        .getFloatBuffer()
                        .get(0);
                FloatBuffer next = ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer();
                state.clear();
                state.put(next);
                state.clear();
                return speech;
            } catch (OrtException e) {
                throw new IllegalStateException("Silero VAD failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            // the buffers are garbage-collected; the shared session stays
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }
}
