package ai.mindbot.agent.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A room's outgoing audio: every 10 ms {@link #mixNext} sums the head of each {@link AudioWriter}
 * (silence when none has audio) into one frame for the agent's track.
 */
public final class AudioMixer {

    private final Map<String, AudioWriter> writers = new ConcurrentHashMap<>();
    private final short[] silence = new short[AudioFrame.SAMPLES_PER_10MS];
    private final int[] sum = new int[AudioFrame.SAMPLES_PER_10MS];
    private final long[] timestamp = new long[1];

    public AudioWriter writer(String name) {
        return writers.computeIfAbsent(name, n -> new AudioWriter());
    }

    public void removeWriter(String name) {
        writers.remove(name);
    }

    /**
     * The next 10 ms of mixed audio. {@code oldestTimestamp[0]} receives the timestamp of the oldest
     * frame mixed in, or 0 when the frame is silence. Called from the audio clock's thread only.
     */
    public short[] mixNext(long[] oldestTimestamp) {
        oldestTimestamp[0] = 0;
        short[] only = null;
        int sources = 0;
        for (AudioWriter writer : writers.values()) {
            short[] frame = writer.poll(timestamp);
            if (frame == null) {
                continue;
            }
            if (oldestTimestamp[0] == 0 || timestamp[0] < oldestTimestamp[0]) {
                oldestTimestamp[0] = timestamp[0];
            }
            if (sources++ == 0) {
                only = frame;
                continue;
            }
            if (sources == 2) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] = only[i];
                }
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += frame[i];
            }
        }
        if (sources == 0) {
            return silence;
        }
        if (sources == 1) {
            return only;
        }
        short[] mixed = new short[sum.length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = Pcm.clip(sum[i]);
        }
        return mixed;
    }
}
