package ai.mindbot.agent.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaLibraryTest {

    /**
     * A real loader failure: webrtc-java's own library, copied with the name of the PulseAudio
     * library it needs changed to one no machine has, as the JVM reports it on a machine without
     * libpulse0.
     */
    @Test
    void aMissingSystemLibraryIsNamedWithWhatToInstallInOneLine(@TempDir Path dir) throws Exception {
        byte[] library;
        try (InputStream in =
                MediaLibrary.class.getClassLoader().getResourceAsStream("libwebrtc-java-linux-x86_64.so")) {
            assertThat(in).as("webrtc-java's native jar is on the class path").isNotNull();
            library = in.readAllBytes();
        }
        Path copy = dir.resolve("libwebrtc-copy.so");
        Files.write(copy, replace(library, "libpulse.so.0", "libpulzz.so.0"));
        UnsatisfiedLinkError failure = null;
        try {
            System.load(copy.toString());
        } catch (UnsatisfiedLinkError e) {
            failure = e;
        }
        assertThat(failure).as("the copy cannot load").isNotNull();

        String said = MediaLibrary.explain(new ExceptionInInitializerError(failure));

        assertThat(said)
                .doesNotContain("\n")
                .startsWith("the media library (webrtc-java) needs libpulzz.so.0, which this machine lacks: ")
                .contains("apt-get install libpulse0 ");
    }

    @Test
    void theLoadersMessageForMissingLibpulseNamesIt() {
        Throwable thrown = new ExceptionInInitializerError(
                new UnsatisfiedLinkError(
                        "/tmp/webrtc-java-linux-x86_641234.so: libpulse.so.0: cannot open shared object file: No such file or directory"));

        assertThat(MediaLibrary.explain(thrown))
                .isEqualTo("the media library (webrtc-java) needs libpulse.so.0, which this "
                        + "machine lacks: apt-get install " + MediaLibrary.PACKAGES + " (scripts/install-voice does)");
    }

    @Test
    void anyOtherLoadFailureIsStillOneLine() {
        Throwable thrown = new RuntimeException(
                "Load library 'webrtc-java' failed",
                new UnsatisfiedLinkError(
                        "/tmp/x.so: invalid ELF header\n(Possible cause: architecture word width mismatch)"));

        assertThat(MediaLibrary.explain(thrown))
                .doesNotContain("\n")
                .contains("invalid ELF header")
                .contains("apt-get install " + MediaLibrary.PACKAGES);
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.US_ASCII);
        byte[] b = to.getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
                replaced++;
            }
        }
        assertThat(replaced).as("occurrences of " + from).isPositive();
        return bytes;
    }
}
