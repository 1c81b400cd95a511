package ai.mindbot.agent.voice.offline;

import ai.mindbot.agent.media.Resampler;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test speech: what a synthesiser says, collected into one clip, and clips to pad it with. */
public final class Speech {

    private Speech() {}

    /** Everything {@code tts} says for {@code text}, once it reports Done. */
    public static short[] say(Tts tts, String text) {
        CompletableFuture<short[]> done = new CompletableFuture<>();
        List<short[]> pieces = new ArrayList<>();
        tts.synthesize(text, event -> {
            if (event instanceof TtsEvent.Audio audio) {
                pieces.add(audio.samples());
            } else if (event instanceof TtsEvent.Done) {
                done.complete(concat(pieces.toArray(short[][]::new)));
            } else if (event instanceof TtsEvent.Failed failed) {
                done.completeExceptionally(failed.error());
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("synthesis of \"" + text + "\" failed", e);
        }
    }

    /** What a LiveKit participant's audio goes through: up to 48 kHz for the room, back to 16 kHz for the recogniser. */
    static short[] throughTheRoom(short[] clip16k) {
        return Resampler.convert(Resampler.convert(clip16k, 16_000, 48_000), 48_000, 16_000);
    }

    static short[] silence(double seconds) {
        return new short[(int) (seconds * 16_000)];
    }

    /** Gaussian white noise at {@code dbfs} RMS, the same for a given seed. */
    static short[] noise(double seconds, double dbfs, long seed) {
        Random random = new Random(seed);
        double rms = Short.MAX_VALUE * Math.pow(10, dbfs / 20);
        short[] s = new short[(int) (seconds * 16_000)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short)
                    Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(random.nextGaussian() * rms)));
        }
        return s;
    }

    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] p : parts) {
            length += p.length;
        }
        short[] out = new short[length];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }
}
