package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.Vad;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Measures the offline providers for docs/benchmarks/offline-voice.md: Silero ms per window,
 * pocketsphinx real-time factor and decoder start-up, TTS time to first audio, and WER per TTS and
 * language model, clean and in white noise. Run by scripts/bench-offline-voice (needs
 * scripts/install-voice); prints Markdown.
 */
public final class OfflineVoiceBench {

    /** Arguments pick sections (vad, tts, stt, ood, wer); none means all. */
    public static void main(String[] args) throws Exception {
        List<String> sections = args.length == 0 ? List.of("vad", "tts", "stt", "ood", "wer") : List.of(args);
        System.out.println("| measurement | value |");
        System.out.println("|---|---|");
        try (FliteTts flite = VoicePeers.flite();
                FreeTts freeTts = new FreeTts()) {
            if (sections.contains("vad")) {
                vad(freeTts);
            }
            if (sections.contains("tts")) {
                tts("flite slt", flite);
                tts("FreeTTS kevin16", freeTts);
            }
            if (sections.contains("stt")) {
                stt(flite);
            }
            if (sections.contains("ood")) {
                outOfDomain(flite);
            }
            if (!sections.contains("wer")) {
                return;
            }
            System.out.println();
            System.out.println("| speech → pocketsphinx (16→48→16 kHz) | general LM | intent grammar |");
            System.out.println("|---|---|---|");
            wer("flite slt", flite, Double.NaN);
            wer("FreeTTS kevin16", freeTts, Double.NaN);
            wer("flite slt + white noise, SNR 20 dB", flite, 20);
            wer("FreeTTS kevin16 + white noise, SNR 20 dB", freeTts, 20);
            wer("flite slt + white noise, SNR 10 dB", flite, 10);
        }
    }

    private static void vad(FreeTts freeTts) {
        short[] clip = Speech.concat(
                Speech.silence(1), Speech.say(freeTts, "How much time do I have left?"), Speech.noise(2, -40, 1));
        try (SileroVad silero = SileroVad.load(VoicePeers.sileroModel())) {
            for (Vad vad : new Vad[] {silero, new EnergyVad()}) {
                Vad.VadStream stream = vad.newStream();
                int windows = clip.length / 512;
                short[][] w = new short[windows][];
                for (int i = 0; i < windows; i++) {
                    w[i] = Arrays.copyOfRange(clip, i * 512, (i + 1) * 512);
                }
                for (int round = 0; round < 3; round++) { // warm-up: JIT, ORT's first-run allocations
                    for (short[] window : w) {
                        stream.probability(window);
                    }
                }
                double[] ms = new double[windows * 10];
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    stream.probability(w[i % windows]);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                row(
                        (vad instanceof SileroVad ? "Silero VAD" : "Energy VAD") + ", ms per 32 ms window (p50 / p95, "
                                + ms.length + " windows)",
                        fmt(ms[ms.length / 2], 3) + " / " + fmt(ms[(int) (ms.length * 0.95)], 3));
            }
        }
    }

    private static void tts(String name, Tts tts) throws Exception {
        String sentence = "You have two hours and thirty minutes of conversation time left.";
        Speech.say(tts, sentence); // warm-up
        double[] first = new double[10];
        double[] total = new double[10];
        int samples = 0;
        for (int i = 0; i < first.length; i++) {
            CountDownLatch done = new CountDownLatch(1);
            long t0 = System.nanoTime();
            long[] firstAt = {0};
            AtomicInteger count = new AtomicInteger();
            tts.synthesize(sentence, e -> {
                if (e instanceof TtsEvent.Audio a) {
                    if (firstAt[0] == 0) {
                        firstAt[0] = System.nanoTime();
                    }
                    count.addAndGet(a.samples().length);
                } else {
                    done.countDown();
                }
            });
            done.await(30, TimeUnit.SECONDS);
            first[i] = (firstAt[0] - t0) / 1e6;
            total[i] = (System.nanoTime() - t0) / 1e6;
            samples = count.get();
        }
        Arrays.sort(first);
        Arrays.sort(total);
        row(name + ": time to first audio, 11-word sentence (p50 of 10)", fmt(first[5], 0) + " ms");
        row(
                name + ": whole sentence (p50), audio length",
                fmt(total[5], 0) + " ms for " + fmt(samples / 16.0, 0) + " ms of speech");
    }

    private static void stt(FliteTts flite) throws Exception {
        List<short[]> clips = new ArrayList<>();
        for (String phrase : PocketsphinxSttIT.PHRASES) {
            clips.add(Speech.concat(
                    Speech.silence(0.2), Speech.throughTheRoom(Speech.say(flite, phrase)), Speech.silence(0.2)));
        }
        double audioSeconds = clips.stream().mapToInt(c -> c.length).sum() / 16_000.0;
        for (boolean grammar : new boolean[] {false, true}) {
            PocketsphinxModel model = grammar ? VoicePeers.intentGrammar() : VoicePeers.generalModel();
            String name = grammar ? "intent grammar" : "general LM";
            CountDownLatch ready = new CountDownLatch(1);
            long t0 = System.nanoTime();
            Stt.SttStream stream = new PocketsphinxStt(model).stream(e -> ready.countDown());
            stream.flush(); // answered once the decoder exists
            ready.await(60, TimeUnit.SECONDS);
            double startup = (System.nanoTime() - t0) / 1e6;
            CountDownLatch ends = new CountDownLatch(clips.size());
            Stt.SttStream timed = new PocketsphinxStt(model).stream(e -> {
                if (e instanceof SttEvent.EndOfSpeech) {
                    ends.countDown();
                }
            });
            timed.flush();
            Thread.sleep(3000); // let the decoder load before the clock starts
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            for (short[] clip : clips) {
                PocketsphinxSttIT.pushLikeARoom(timed, clip);
                timed.flush();
            }
            ends.await(120, TimeUnit.SECONDS);
            double decode = (System.nanoTime() - t1) / 1e9;
            double cpu = (processCpuNanos() - cpu1) / 1e9;
            stream.close();
            timed.close();
            row("pocketsphinx " + name + ": decoder start-up", fmt(startup, 0) + " ms");
            row(
                    "pocketsphinx " + name + ": resident memory per added stream (4 streams)",
                    fmt(mbPerStream(model, 4), 1) + " MB");
            row(
                    "pocketsphinx " + name + ": real-time factor (" + fmt(audioSeconds, 1) + " s of speech in "
                            + fmt(decode, 1) + " s)",
                    fmt(decode / audioSeconds, 2));
            // CPU time does not stretch when other processes take the cores: the figure for capacity
            row("pocketsphinx " + name + ": CPU seconds per second of speech (whole JVM)", fmt(cpu / audioSeconds, 2));
        }
    }

    /** What each model makes of things MindBot's grammar does not know: the grammar's price. */
    private static void outOfDomain(FliteTts flite) throws Exception {
        System.out.println();
        System.out.println("| flite slt says (not in the grammar) | general LM hears | intent grammar hears |");
        System.out.println("|---|---|---|");
        for (String phrase : List.of(
                "tell me a joke about cats",
                "can you recommend a good book",
                "my daughter is learning to play the piano")) {
            short[] audio = Speech.concat(
                    Speech.silence(0.2), Speech.throughTheRoom(Speech.say(flite, phrase)), Speech.silence(0.2));
            StringBuilder line = new StringBuilder("| " + phrase + " |");
            for (PocketsphinxModel model : List.of(VoicePeers.generalModel(), VoicePeers.intentGrammar())) {
                List<SttEvent> events = new CopyOnWriteArrayList<>();
                try (Stt.SttStream stream = new PocketsphinxStt(model).stream(events::add)) {
                    PocketsphinxSttIT.pushLikeARoom(stream, audio);
                    stream.flush();
                    line.append(' ').append(PocketsphinxSttIT.awaitEnd(events)).append(" |");
                }
            }
            System.out.println(line);
        }
    }

    /** Resident memory the process grows by per open stream (each with its decoder loaded). */
    private static double mbPerStream(PocketsphinxModel model, int streams) throws Exception {
        System.gc();
        long before = residentKb();
        List<Stt.SttStream> open = new ArrayList<>();
        CountDownLatch loaded = new CountDownLatch(streams);
        for (int i = 0; i < streams; i++) {
            Stt.SttStream stream = new PocketsphinxStt(model).stream(e -> {
                if (e instanceof SttEvent.EndOfSpeech) {
                    loaded.countDown();
                }
            });
            stream.flush();
            open.add(stream);
        }
        loaded.await(120, TimeUnit.SECONDS);
        long after = residentKb();
        open.forEach(Stt.SttStream::close);
        return (after - before) / 1024.0 / streams;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static void wer(String name, Tts tts, double snrDb) throws Exception {
        StringBuilder line = new StringBuilder("| " + name + " |");
        for (boolean grammar : new boolean[] {false, true}) {
            PocketsphinxModel model = grammar ? VoicePeers.intentGrammar() : VoicePeers.generalModel();
            Tts noisy = Double.isNaN(snrDb) ? tts : new NoisyTts(tts, snrDb);
            List<String> heard = new ArrayList<>();
            WordErrorRate wer = PocketsphinxSttIT.transcribeAll(new PocketsphinxStt(model), noisy, heard);
            line.append(' ').append(wer).append(" |");
        }
        System.out.println(line);
    }

    /** Adds white noise at a fixed signal-to-noise ratio to whatever {@code tts} says. */
    private record NoisyTts(Tts tts, double snrDb) implements Tts {
        @Override
        public int sampleRate() {
            return tts.sampleRate();
        }

        @Override
        public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
            short[] clean = Speech.say(tts, text);
            double signalDbfs = 20 * Math.log10(Speech.rms(clean) / Short.MAX_VALUE);
            short[] noise = Speech.noise(clean.length / 16_000.0 + 1, signalDbfs - snrDb, text.hashCode());
            short[] mixed = new short[clean.length];
            for (int i = 0; i < mixed.length; i++) {
                mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, clean[i] + noise[i]));
            }
            events.accept(new TtsEvent.Audio(mixed));
            events.accept(new TtsEvent.Done());
            return () -> {};
        }
    }

    private static void row(String what, String value) {
        System.out.println("| " + what + " | " + value + " |");
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
