package ai.mindbot.agent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test speech made with flite (voice slt), which pocketsphinx recognises well; never espeak-ng,
 * which it does not (docs/benchmarks/offline-voice.md). flite comes from scripts/install-voice.
 */
public final class Speech {

    private Speech() {
    }

    /** A 16 kHz mono WAV of {@code text}, in a fresh temporary file. */
    public static Path wav(String text) {
        Path flite = Path.of("/usr/bin/flite");
        if (!Files.isExecutable(flite)) {
            throw new AssertionError("flite is not installed: run scripts/install-voice");
        }
        try {
            Path file = Files.createTempFile("speech-", ".wav");
            Process process = new ProcessBuilder(flite.toString(), "-voice", "slt", "-t", text, "-o", file.toString())
                    .redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("flite failed for '" + text + "': " + new String(process.getInputStream().readAllBytes()));
            }
            if (Files.size(file) < 8000) {
                throw new AssertionError("flite wrote almost nothing for '" + text + "'");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
