package ai.mindbot.agent.local;

import ai.mindbot.agent.media.Pcm;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a JVM of its own whose {@code HOME} holds an ALSA configuration ({@link JavaSoundIT}): lists
 * the devices Java Sound sees, opens the default microphone and speaker through {@link JavaSound},
 * writes {@code args[1]} frames read from the microphone to {@code args[0]}, and plays the same number
 * of frames of {@link #tone}.
 */
public final class JavaSoundProbe {

    private JavaSoundProbe() {}

    public static void main(String[] args) throws Exception {
        JavaSound card = new JavaSound();
        card.describe().forEach(line -> System.out.println("device " + line));
        int frames = Integer.parseInt(args[1]);
        try (SoundCard.Devices devices = card.open(null, null)) {
            System.out.println("microphone " + devices.microphone().name());
            System.out.println("speaker " + devices.speaker().name());
            byte[] heard = new byte[frames * Microphone.FRAME * 2];
            byte[] frameBytes = new byte[Microphone.FRAME * 2];
            for (int f = 0; f < frames; f++) {
                Pcm.toLittleEndian(devices.microphone().read(), frameBytes);
                System.arraycopy(frameBytes, 0, heard, f * frameBytes.length, frameBytes.length);
            }
            Files.write(Path.of(args[0]), heard);
            for (int f = 0; f < frames; f++) {
                devices.speaker().play(tone(f));
            }
        }
        System.out.println("done");
    }

    /** Frame {@code f} of a 440 Hz tone at 48 kHz. */
    static short[] tone(int f) {
        short[] frame = new short[Microphone.FRAME];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * (f * Microphone.FRAME + i) / 48_000.0));
        }
        return frame;
    }
}
