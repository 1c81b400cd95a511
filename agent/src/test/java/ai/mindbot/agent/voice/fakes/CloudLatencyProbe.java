package ai.mindbot.agent.voice.fakes;

import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.cloud.CloudVoice;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the cloud clients themselves add, against the loopback fakes answering at once: request to
 * first text delta (OpenAI chat over the SDK), request to first audio piece (OpenAI speech), and a
 * Deepgram message sent to its {@link SttEvent} delivered. Not a test; run it by hand:
 * <pre>
 * mvn -q -pl agent test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp agent/target/test-classes:agent/target/classes:$(cat /tmp/cp.txt) \
 *     ai.mindbot.agent.voice.fakes.CloudLatencyProbe 300
 * </pre>
 */
public final class CloudLatencyProbe {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = 30;
        try (FakeHttpApi http = FakeHttpApi.start();
                FakeDeepgramListen listen = FakeDeepgramListen.start()) {
            long[] baseline = memory();
            CloudVoice voice = CloudVoice.from(Map.of(
                    "OPENAI_API_KEY",
                    "sk-probe",
                    "OPENAI_BASE_URL",
                    http.baseUrl() + "/v1",
                    "DEEPGRAM_API_KEY",
                    "dg-probe",
                    "DEEPGRAM_BASE_URL",
                    listen.baseUrl()));
            ChatRequest ask = new ChatRequest(List.of(new ChatMessage.User("How much time do I have?")), List.of());
            List<Long> llm = new ArrayList<>();
            List<Long> tts = new ArrayList<>();
            for (int i = 0; i < warmUp + rounds; i++) {
                http.enqueue(
                        "/v1/chat/completions", FakeReply.Sse.of(OpenAiChunks.text("You have", " forty minutes.")));
                Recorder<LlmEvent> chat = new Recorder<>();
                long start = System.nanoTime();
                voice.llm().orElseThrow().chat(ask, chat);
                chat.awaitType(LlmEvent.TextDelta.class, Duration.ofSeconds(60));
                long first = chat.arrivals().get(0) - start;
                chat.awaitType(LlmEvent.Done.class, Duration.ofSeconds(10));

                http.enqueue("/v1/audio/speech", FakeReply.Pcm.of(FakeReply.Pcm.tone(4_800), 2_400, Duration.ZERO));
                Recorder<TtsEvent> speech = new Recorder<>();
                long ttsStart = System.nanoTime();
                voice.tts().orElseThrow().synthesize("You have forty minutes.", speech);
                speech.awaitType(TtsEvent.Audio.class, Duration.ofSeconds(10));
                long ttsFirst = speech.arrivals().get(0) - ttsStart;
                speech.awaitType(TtsEvent.Done.class, Duration.ofSeconds(10));
                if (i == 0) {
                    long[] after = memory();
                    System.out.printf(
                            "first turn (cold: the SDK loads its classes): chat() to first TextDelta %.0f ms;"
                                    + " loaded classes +%d, heap +%.1f MB, non-heap +%.1f MB%n",
                            first / 1e6,
                            after[0] - baseline[0],
                            (after[1] - baseline[1]) / 1e6,
                            (after[2] - baseline[2]) / 1e6);
                }
                if (i >= warmUp) {
                    llm.add(first);
                    tts.add(ttsFirst);
                }
            }
            List<Long> stt = new ArrayList<>();
            Recorder<SttEvent> heard = new Recorder<>();
            try (Stt.SttStream stream = voice.stt().orElseThrow().stream(heard)) {
                stream.push(new short[1600]);
                FakeDeepgramListen.Session session = listen.nextSession(Duration.ofSeconds(10));
                for (int i = 0; i < warmUp + rounds; i++) {
                    int before = heard.events().size();
                    long start = System.nanoTime();
                    session.send(DeepgramMessages.results("how much time", false, false, 0, 1));
                    heard.awaitAny(e -> heard.events().size() > before, Duration.ofSeconds(10));
                    List<Long> at = heard.arrivals();
                    if (i >= warmUp) {
                        stt.add(at.get(at.size() - 1) - start);
                    }
                }
            }
            print("OpenAI chat: chat() to first TextDelta", llm);
            print("OpenAI speech: synthesize() to first Audio", tts);
            print("Deepgram listen: server send to SttEvent", stt);
        }
    }

    /** Loaded classes, heap and non-heap (metaspace, code cache) bytes in use after a GC. */
    private static long[] memory() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        long nonHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.NON_HEAP) {
                nonHeap += pool.getUsage().getUsed();
            }
        }
        return new long[] {
            ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            nonHeap
        };
    }

    private static void print(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "%-45s n=%d p50=%.2f ms p95=%.2f ms max=%.2f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
