package ai.mindbot.agent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Test speech made with flite (voice slt), which pocketsphinx recognises well; never espeak-ng,
 * which it does not (docs/benchmarks/offline-voice.md). flite comes from scripts/install-voice.
 */
public final class Speech {

    private Speech() {}

    /**
     * The same speech after {@code seconds} of silence: a browser's fake microphone plays its file
     * from the moment the page opens it, and a caller who talks at once cuts the greeting short.
     */
    public static Path wavAfterSilence(String text, int seconds) {
        Path speech = wav(text);
        try {
            byte[] wav = Files.readAllBytes(speech);
            ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            int rate = 0;
            int channels = 0;
            byte[] data = null;
            for (int at = 12; at + 8 <= wav.length; ) {
                String id = new String(wav, at, 4, StandardCharsets.US_ASCII);
                int size = in.getInt(at + 4);
                if (id.equals("fmt ")) {
                    channels = in.getShort(at + 10);
                    rate = in.getInt(at + 12);
                } else if (id.equals("data")) {
                    data = Arrays.copyOfRange(wav, at + 8, Math.min(wav.length, at + 8 + size));
                    break;
                }
                at += 8 + size + (size & 1);
            }
            if (data == null || rate == 0) {
                throw new AssertionError("flite wrote no PCM data for '" + text + "'");
            }
            int silence = seconds * rate * channels * 2;
            ByteBuffer out = ByteBuffer.allocate(44 + silence + data.length).order(ByteOrder.LITTLE_ENDIAN);
            out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                    .putInt(36 + silence + data.length)
                    .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                    .putInt(16)
                    .putShort((short) 1)
                    .putShort((short) channels)
                    .putInt(rate)
                    .putInt(rate * channels * 2)
                    .putShort((short) (channels * 2))
                    .putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII))
                    .putInt(silence + data.length)
                    .put(new byte[silence])
                    .put(data);
            Files.write(speech, out.array());
            return speech;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("flite failed for '" + text + "': "
                        + new String(process.getInputStream().readAllBytes()));
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
