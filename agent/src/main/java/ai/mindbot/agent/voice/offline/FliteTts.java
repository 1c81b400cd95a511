package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * CMU flite (Debian {@code flite}), voice slt by default: a subprocess per text, WAV on its stdout.
 * A process per sentence costs a few milliseconds to start, far less than the synthesis, and keeps a
 * crash in native code out of the agent. flite writes the whole WAV once the sentence is
 * synthesised (about 25 ms per second of speech here), so audio is delivered in 100 ms pieces as it
 * is read; cancelling kills the process and stops delivery at once.
 */
public final class FliteTts implements Tts, AutoCloseable {

    static final int SAMPLE_RATE = 16_000;
    private static final int PIECE_BYTES = SAMPLE_RATE / 10 * 2;

    private final Path flite;
    private final String voice;
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "flite");
        t.setDaemon(true);
        return t;
    });

    /** @param flite the executable; {@code voice} one of flite's 16 kHz voices (slt, rms, awb, kal16) */
    public FliteTts(Path flite, String voice) {
        if (!List.of("slt", "rms", "awb", "kal16").contains(voice)) {
            throw new IllegalArgumentException("flite voice must be a 16 kHz one (slt, rms, awb, kal16): " + voice);
        }
        this.flite = flite;
        this.voice = voice;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
        Job job = new Job(events);
        readers.execute(() -> run(text, job));
        return job::cancel;
    }

    private void run(String text, Job job) {
        try {
            if (!text.isBlank()) {
                // argv, not a shell: the text cannot inject anything
                Process process = new ProcessBuilder(flite.toString(), "-voice", voice, "-t", text, "-o", "/dev/stdout")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!job.started(process)) {
                    return;
                }
                deliver(process.getInputStream(), job);
                int exit = process.waitFor();
                if (exit != 0 && !job.cancelled.get()) {
                    throw new IOException("flite exited with status " + exit);
                }
            }
            if (!job.cancelled.get()) {
                job.events.accept(new TtsEvent.Done());
            }
        } catch (IOException | RuntimeException e) {
            if (!job.cancelled.get()) {
                job.events.accept(new TtsEvent.Failed(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(InputStream stdout, Job job) throws IOException {
        DataInputStream in = new DataInputStream(stdout);
        int rate = Wav.readHeaderToData(in);
        if (rate != SAMPLE_RATE) {
            throw new IOException("flite voice " + voice + " speaks at " + rate + " Hz, expected " + SAMPLE_RATE);
        }
        byte[] piece = new byte[PIECE_BYTES];
        while (!job.cancelled.get()) {
            int n = in.readNBytes(piece, 0, piece.length);
            if (n < 2) {
                return;
            }
            short[] samples = new short[n / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((piece[2 * i] & 0xff) | (piece[2 * i + 1] << 8));
            }
            if (job.cancelled.get()) {
                return;
            }
            job.events.accept(new TtsEvent.Audio(samples));
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    private static final class Job {
        final Consumer<TtsEvent> events;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicReference<Process> process = new AtomicReference<>();

        Job(Consumer<TtsEvent> events) {
            this.events = events;
        }

        /** Registers the process; false (and the process killed) if cancel came first. */
        boolean started(Process p) {
            process.set(p);
            if (cancelled.get()) {
                p.destroyForcibly();
                return false;
            }
            return true;
        }

        void cancel() {
            cancelled.set(true);
            Process p = process.get();
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    /** Just enough RIFF/WAVE to find the PCM: 16-bit mono, the chunks before {@code data} skipped. */
    static final class Wav {

        private Wav() {}

        /** Reads up to the start of the samples; returns the sample rate. */
        static int readHeaderToData(DataInputStream in) throws IOException {
            try {
                expect(in, "RIFF");
                in.readInt();
                expect(in, "WAVE");
                int rate = -1;
                while (true) {
                    String id = fourCc(in);
                    int size = Integer.reverseBytes(in.readInt());
                    if (id.equals("fmt ")) {
                        byte[] fmt = in.readNBytes(size);
                        int channels = (fmt[2] & 0xff) | (fmt[3] & 0xff) << 8;
                        rate = (fmt[4] & 0xff) | (fmt[5] & 0xff) << 8 | (fmt[6] & 0xff) << 16 | (fmt[7] & 0xff) << 24;
                        int bits = (fmt[14] & 0xff) | (fmt[15] & 0xff) << 8;
                        if (channels != 1 || bits != 16) {
                            throw new IOException(
                                    "expected 16-bit mono WAV, got " + channels + " channels of " + bits + " bits");
                        }
                    } else if (id.equals("data")) {
                        if (rate < 0) {
                            throw new IOException("WAV data before its fmt chunk");
                        }
                        return rate;
                    } else {
                        in.skipNBytes(size + (size & 1));
                    }
                }
            } catch (EOFException e) {
                throw new IOException("truncated WAV header", e);
            }
        }

        private static void expect(DataInputStream in, String id) throws IOException {
            String actual = fourCc(in);
            if (!actual.equals(id)) {
                throw new IOException("not a WAV stream: expected " + id + ", got " + actual);
            }
        }

        private static String fourCc(DataInputStream in) throws IOException {
            byte[] b = new byte[4];
            in.readFully(b);
            return new String(b, StandardCharsets.US_ASCII);
        }
    }
}
