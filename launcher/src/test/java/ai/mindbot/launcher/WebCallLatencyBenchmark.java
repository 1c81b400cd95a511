package ai.mindbot.launcher;

import ai.mindbot.agent.e2e.LiveKitServer;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.Http;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * How long a person waits, in the browser, from clicking "Talk to MindBot" to hearing MindBot's
 * greeting: the full {@code ./mindbot} run (services, the MindBot agent with the offline voice, a
 * livekit-server) and Debian's Chromium, as {@link WebCallIT} drives it. One sign-up and purchase,
 * then one warm-up call (reported apart: the first call loads models and JIT-compiles the path) and
 * {@code bench.calls} measured calls, each hung up once the greeting is heard and waited on until the
 * time service has ended its session.
 *
 * <p>The times are the page's own ({@code performance.now()} marks talk.js keeps on {@code #call}):
 * the click, MindBot seen in the room (its first {@code lk.agent.state}), its audio track subscribed,
 * and its voice first louder than silence in the page's WebAudio meter (watched every 10 ms). The
 * fake microphone plays silence, so nothing the person "says" interrupts or delays the greeting; each
 * call checks that the agent's caption names the person (it was the greeting) and that no words of
 * the person's were transcribed.
 *
 * <p>Not part of {@code mvn verify} (the name matches neither surefire's nor failsafe's patterns, and
 * it needs the e2e peers): {@code scripts/bench-webcall} runs it. Results go to target/bench-webcall.md.
 */
@Tag("e2e")
class WebCallLatencyBenchmark {

    static final int CALLS = Integer.getInteger("bench.calls", 20);
    static final Duration GREETING_TIMEOUT = Duration.ofSeconds(60);
    static final String[] SPLITS = {"agentJoinedAt", "agentTrackAt", "agentHeardAt"};
    static final String[] SPLIT_NAMES = {
        "click → MindBot joined the room",
        "click → MindBot's audio track subscribed",
        "click → greeting heard in the page"
    };

    @Test
    void clickToGreeting() throws Exception {
        Path data = Files.createTempDirectory("mindbot-webcall-bench-");
        Path silence = silenceWav(data.resolve("silence.wav"));
        try (LiveKitServer livekit = new LiveKitServer().start();
                Mindbot.Running running = Mindbot.startEverything(WebCallIT.arguments(data, livekit));
                // without %noloop Chromium loops the file: a microphone that stays silent for every call
                Browser person = Browser.start(1280, 1000, "--use-file-for-fake-audio-capture=" + silence)) {
            String origin = WebCallIT.origin(running);
            WebCallIT.signUpAndBuy(person, origin);
            person.driver.get(origin + "/#/talk");

            double[] warmUp = call(person, origin);
            List<double[]> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(call(person, origin));
            }
            String report = report(warmUp, calls);
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "bench-webcall.md"), report);
        }
    }

    /** One call: click, wait for the greeting's sound, hang up, wait until its session has ended. Ms from the click per split. */
    @SuppressWarnings("unchecked")
    static double[] call(Browser person, String origin) {
        person.click("talk-start");
        person.wait
                .withTimeout(GREETING_TIMEOUT)
                .withMessage(() -> "no greeting heard; #call "
                        + person.js("return JSON.stringify(document.getElementById('call').dataset)")
                        + " state: " + person.js("return document.getElementById('agent-state').textContent")
                        + " shot: " + person.screenshot("bench-webcall-failed"))
                .until(d -> person.js("return document.getElementById('call').dataset.agentHeardAt || null") != null);
        Map<String, Object> marks =
                (Map<String, Object>) person.js("return Object.assign({}, document.getElementById('call').dataset)");
        String room = (String) marks.get("room");
        // what was heard is the greeting (it names the person), and the silent microphone said nothing
        person.wait
                .withTimeout(Duration.ofSeconds(30))
                .withMessage(() -> "no greeting caption: " + captions(person, "agent"))
                .until(d -> captions(person, "agent").contains("Ada"));
        if (!captions(person, "user").isEmpty()) {
            throw new IllegalStateException("the silent microphone was transcribed: " + captions(person, "user"));
        }

        person.click("talk-hangup");
        person.waitForText("call-ended", "The call has ended");
        String token = (String)
                person.js("return JSON.parse(localStorage.getItem('mindbot.session') || '{}').access_token || ''");
        Http time = new Http(origin);
        person.wait
                .withTimeout(Duration.ofSeconds(30))
                .withMessage(() -> "session of " + room + " not ended")
                .until(d -> {
                    for (JsonNode s :
                            time.get("/time/sessions?limit=100", token).json().path("sessions")) {
                        if (room.equals(s.path("room_name").asString())) {
                            return "ended".equals(s.path("status").asString());
                        }
                    }
                    return false;
                });
        person.wait.until(d -> person.driver.findElement(By.id("talk-start")).isEnabled());

        double clicked = Double.parseDouble(String.valueOf(marks.get("clickedAt")));
        double[] splits = new double[SPLITS.length];
        for (int i = 0; i < SPLITS.length; i++) {
            Object at = marks.get(SPLITS[i]);
            splits[i] = at == null ? Double.NaN : Double.parseDouble(String.valueOf(at)) - clicked;
        }
        return splits;
    }

    static String captions(Browser person, String speaker) {
        return String.valueOf(person.js(
                "return [...document.querySelectorAll('li[data-speaker=\"' + arguments[0] + '\"]')]"
                        + ".map(li => li.textContent).join(' | ')",
                speaker));
    }

    static String report(double[] warmUp, List<double[]> calls) {
        StringBuilder table = new StringBuilder(String.format(
                "| %d calls after one warm-up | p50 | p95 | min | max | warm-up call |%n|---|---|---|---|---|---|%n",
                calls.size()));
        for (int i = 0; i < SPLITS.length; i++) {
            int split = i;
            double[] sorted = calls.stream()
                    .mapToDouble(c -> c[split])
                    .filter(v -> !Double.isNaN(v))
                    .sorted()
                    .toArray();
            String missing = sorted.length == calls.size()
                    ? ""
                    : String.format(" (seen in %d of %d)", sorted.length, calls.size());
            table.append(String.format(
                    "| %s%s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n",
                    SPLIT_NAMES[i],
                    missing,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    sorted[0],
                    sorted[sorted.length - 1],
                    warmUp[i]));
        }
        table.append("\nEach call, click → greeting heard (ms): ")
                .append(Arrays.toString(
                        calls.stream().mapToLong(c -> Math.round(c[2])).toArray()))
                .append('\n');
        return table.toString();
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One second of 48 kHz mono 16-bit silence as a WAV file, for Chromium's fake microphone. */
    static Path silenceWav(Path file) throws IOException {
        int rate = 48_000;
        int bytes = rate * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + bytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(bytes);
        return Files.write(file, wav.array());
    }
}
