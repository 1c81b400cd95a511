package ai.mindbot.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.media.Resampler;
import ai.mindbot.agent.voice.offline.FreeTts;
import ai.mindbot.agent.voice.offline.Speech;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * libwebrtc's echo canceller on speech (FreeTTS, in process), 10 ms at a time as the console runs it.
 * End-to-end stage: libwebrtc needs the system libraries {@code scripts/install-voice} installs.
 */
@Tag("e2e")
class EchoCancellerIT {

    private static final int FRAME = Microphone.FRAME;
    private static final int DELAY = 150 * 48; // the echo arrives 150 ms after it was played
    private static short[] agent;
    private static short[] person;

    @BeforeAll
    static void speech() {
        try (FreeTts tts = new FreeTts()) {
            agent = say(
                    tts,
                    "You have about an hour of conversation time left. There are three time cards to choose from.");
            person = say(tts, "How much time do I have left?");
        }
    }

    @Test
    void takesTheSpeakersEchoOutOfWhatTheMicrophoneHears() {
        short[] speaker = agent;
        short[] microphone = mix(delayed(speaker, DELAY, 0.5), noise(speaker.length + DELAY));

        short[] heard = run(speaker, microphone);

        // AEC3 adapts within the first second or two; judge the rest of the agent's speech
        int from = 2 * 48_000;
        int to = speaker.length;
        double echo = rms(microphone, from, to);
        double left = rms(heard, from, to);
        System.out.printf("echo RMS %.0f -> %.0f after cancellation%n", echo, left);
        assertThat(left).as("echo left (RMS) of %.0f", echo).isLessThan(echo / 10);
    }

    @Test
    void letsThePersonsVoiceThroughWhileTheSpeakerIsSilent() {
        short[] microphone = mix(person, noise(person.length));
        short[] speaker = new short[microphone.length];

        short[] heard = run(speaker, microphone);

        double voice = rms(microphone, 0, microphone.length);
        double passed = rms(heard, 0, heard.length);
        System.out.printf("voice RMS %.0f -> %.0f%n", voice, passed);
        assertThat(passed).as("voice passed (RMS) of %.0f", voice).isGreaterThan(voice / 2);
    }

    /** The speaker's frames and the microphone's, in step, through one canceller. */
    private static short[] run(short[] speaker, short[] microphone) {
        int frames = microphone.length / FRAME;
        short[] heard = new short[frames * FRAME];
        try (EchoCanceller echo = EchoCanceller.create()) {
            for (int f = 0; f < frames; f++) {
                echo.played(slice(speaker, f));
                System.arraycopy(echo.heard(slice(microphone, f)), 0, heard, f * FRAME, FRAME);
            }
        }
        return heard;
    }

    private static short[] say(FreeTts tts, String text) {
        return Resampler.convert(Speech.say(tts, text), tts.sampleRate(), 48_000);
    }

    private static short[] slice(short[] audio, int frame) {
        short[] out = new short[FRAME];
        int from = frame * FRAME;
        if (from < audio.length) {
            System.arraycopy(audio, from, out, 0, Math.min(FRAME, audio.length - from));
        }
        return out;
    }

    private static short[] delayed(short[] audio, int samples, double gain) {
        short[] out = new short[audio.length + samples];
        for (int i = 0; i < audio.length; i++) {
            out[i + samples] = (short) Math.round(audio[i] * gain);
        }
        return out;
    }

    /** A microphone's own hiss, about -66 dBFS. */
    private static short[] noise(int length) {
        Random random = new Random(7);
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = (short) Math.round(random.nextGaussian() * 16);
        }
        return out;
    }

    private static short[] mix(short[] a, short[] b) {
        short[] out = new short[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            int sum = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        return out;
    }

    private static double rms(short[] audio, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) audio[i] * audio[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
