package ai.mindbot.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.media.Pcm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java Sound code against a real, if virtual, sound device: this machine has no sound card, but
 * ALSA (which Java Sound uses on Linux) takes a configuration in {@code ~/.asoundrc}, and its file
 * plugin makes a {@code default} device whose capture side reads a raw file and whose playback side
 * writes one. A JVM started with that {@code HOME} sees it as Java Sound's "[default]" mixer.
 * The plugin is not clocked (it reads and writes as fast as it is asked), so this proves device
 * discovery, format choice, opening, reading and writing, not real-time pacing.
 */
class JavaSoundIT {

    private static final int FRAMES = 50;

    @Test
    void theDefaultAlsaDeviceIsFoundOpenedHeardAndPlayedThrough(@TempDir Path home) throws Exception {
        Path input = home.resolve("microphone.raw");
        Path played = home.resolve("speaker.raw");
        Path heard = home.resolve("heard.raw");
        byte[] speech = new byte[FRAMES * Microphone.FRAME * 2];
        for (int i = 0; i < speech.length / 2; i++) { // a 300 Hz tone, 48 kHz mono little-endian
            short s = (short) Math.round(6000 * Math.sin(2 * Math.PI * 300 * i / 48_000.0));
            speech[2 * i] = (byte) s;
            speech[2 * i + 1] = (byte) (s >> 8);
        }
        Files.write(input, speech);
        Files.writeString(home.resolve(".asoundrc"), """
                pcm.!default {
                  type asym
                  playback.pcm { type file; slave.pcm "null"; file "%s"; format "raw" }
                  capture.pcm { type file; slave.pcm "null"; file "%s"; infile "%s"; format "raw" }
                }
                """.formatted(played, home.resolve("capture-copy.raw"), input));

        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        JavaSoundProbe.class.getName(),
                        heard.toString(),
                        Integer.toString(FRAMES))
                .redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process probe = builder.start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.exitValue()).as(said).isZero();
        // ALSA's default device, named "null [default]" by Java Sound because no sound card stands behind it
        assertThat(said)
                .contains(
                        "device microphone: null [default]",
                        "device speaker:    null [default]",
                        "microphone null [default], 48000 Hz mono",
                        "speaker null [default], 48000 Hz mono");
        assertThat(Files.readAllBytes(heard))
                .as("what the microphone read is the device's input")
                .isEqualTo(speech);
        byte[] out = Files.readAllBytes(played);
        byte[] expected = new byte[FRAMES * Microphone.FRAME * 2];
        for (int f = 0; f < FRAMES; f++) {
            byte[] frame = new byte[Microphone.FRAME * 2];
            Pcm.toLittleEndian(JavaSoundProbe.tone(f), frame);
            System.arraycopy(frame, 0, expected, f * frame.length, frame.length);
        }
        // closing drops what the device had not taken yet; all it took must be the tone, from its start
        assertThat(out.length).as("bytes the speaker delivered").isGreaterThan(expected.length / 2);
        assertThat(out).isEqualTo(Arrays.copyOf(expected, out.length));
    }
}
