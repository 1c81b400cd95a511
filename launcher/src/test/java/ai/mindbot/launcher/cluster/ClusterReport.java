package ai.mindbot.launcher.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster check found: one line per promise, {@code PASS} or {@code FAIL} with what was
 * seen, then {@code N passed, M failed} last, the line scripts/cluster-check ends with.
 */
final class ClusterReport {

    private final List<String> lines = new ArrayList<>();
    private int passed;
    private int failed;

    void check(String promise, boolean kept, String seen) {
        if (kept) {
            passed++;
        } else {
            failed++;
        }
        String line = (kept ? "PASS " : "FAIL ") + promise + " (" + seen + ")";
        lines.add(line);
        System.out.println(line);
    }

    void note(String line) {
        lines.add("     " + line);
        System.out.println("     " + line);
    }

    int failed() {
        return failed;
    }

    String summary() {
        return passed + " passed, " + failed + " failed";
    }

    void writeTo(Path file) {
        List<String> all = new ArrayList<>(lines);
        all.add(summary());
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, all, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
