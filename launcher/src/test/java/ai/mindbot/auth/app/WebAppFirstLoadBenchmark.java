package ai.mindbot.auth.app;

import ai.mindbot.auth.AppStack;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * First load of the web app on loopback, in headless Chromium: bytes transferred (Resource Timing
 * {@code transferSize}: headers plus the gzipped bodies, as on the wire) and time to interactive
 * (navigation start to the {@code app-ready} mark app.js sets once the first view is rendered and
 * wired). Cold = a fresh browser profile (empty cache); warm = a reload (revalidation, 304s). The
 * home page and the Talk page, which also loads livekit-client. Not part of {@code mvn verify}:
 * {@code scripts/bench-webapp} runs it. Results go to target/bench-webapp.md.
 */
class WebAppFirstLoadBenchmark {

    static final int RUNS = Integer.getInteger("bench.runs", 10);

    @Test
    void firstLoad() throws IOException {
        List<String> rows = new ArrayList<>();
        try (AppStack stack = AppStack.start(TestDatabase.SQLITE)) {
            for (String page : new String[] {"/", "/#/talk"}) {
                List<double[]> cold = new ArrayList<>();
                List<double[]> warm = new ArrayList<>();
                for (int i = 0; i < RUNS + 1; i++) {
                    try (Browser browser = Browser.start(1280, 900)) {
                        double[] first = load(browser, stack.origin() + page, false);
                        double[] again = load(browser, stack.origin() + page, true);
                        if (i > 0) { // the first round warms the server (JIT, file caches)
                            cold.add(first);
                            warm.add(again);
                        }
                    }
                }
                rows.add(row(page, "cold", cold));
                rows.add(row(page, "warm (reload)", warm));
            }
        }
        String table = "| page | load | requests | bytes transferred | time to interactive p50 | p95 |\n"
                + "|---|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bench-webapp.md"), table);
    }

    /** {requests, bytes, ms to app-ready}. */
    @SuppressWarnings("unchecked")
    static double[] load(Browser browser, String url, boolean reload) {
        if (reload) {
            browser.driver.navigate().refresh();
        } else {
            browser.driver.get(url);
        }
        browser.wait.until(
                d -> Boolean.TRUE.equals(browser.js("return performance.getEntriesByName('app-ready').length > 0"
                        + " && (location.hash !== '#/talk' || typeof window.LivekitClient === 'object')"
                        + " && performance.getEntriesByType('resource').every(e => e.responseEnd > 0)")));
        Map<String, Object> m = (Map<String, Object>) browser.js("""
                const nav = performance.getEntriesByType('navigation')[0];
                const res = performance.getEntriesByType('resource');
                const lk = res.find(e => e.name.includes('livekit-client'));
                const ready = performance.getEntriesByName('app-ready')[0].startTime;
                return {requests: 1 + res.length, bytes: nav.transferSize + res.reduce((a, e) => a + e.transferSize, 0),
                        ready: lk ? Math.max(ready, lk.responseEnd) : ready};""");
        return new double[] {
            ((Number) m.get("requests")).doubleValue(),
            ((Number) m.get("bytes")).doubleValue(),
            ((Number) m.get("ready")).doubleValue()
        };
    }

    static String row(String page, String kind, List<double[]> runs) {
        double[] times = runs.stream().mapToDouble(r -> r[2]).sorted().toArray();
        double[] bytes = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        double[] requests = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        return String.format(
                "| `%s` | %s | %.0f | %,.0f | %.0f ms | %.0f ms |",
                page,
                kind,
                requests[requests.length / 2],
                bytes[bytes.length / 2],
                percentile(times, 50),
                percentile(times, 95));
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
