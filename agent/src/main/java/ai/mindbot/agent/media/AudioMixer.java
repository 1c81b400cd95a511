package ai.mindbot.agent.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A room's outgoing audio: every 10 ms {@link #mixNext} sums the head of each {@link AudioWriter}
 * and each {@link PlaybackQueue} (silence when none has audio) into one frame for the agent's track.
 */
public final class AudioMixer {

    private final Map<String, AudioWriter> writers = new ConcurrentHashMap<>();
    private final Map<String, PlaybackQueue> playbacks = new ConcurrentHashMap<>();
    private final short[] silence = new short[AudioFrame.SAMPLES_PER_10MS];
    private final int[] sum = new int[AudioFrame.SAMPLES_PER_10MS];
    private final long[] timestamp = new long[1];
    // state of the mix in progress; touched by the audio clock's thread only
    private short[] only;
    private int sources;

    public AudioWriter writer(String name) {
        return writers.computeIfAbsent(name, n -> new AudioWriter());
    }

    public void removeWriter(String name) {
        writers.remove(name);
    }

    /**
     * The named speech queue; the same name returns the same queue. Its playout futures complete on
     * {@code completions} (the job's thread), never on the audio clock's.
     */
    public PlaybackQueue playback(String name, Executor completions) {
        return playbacks.computeIfAbsent(name, n -> new PlaybackQueue(completions));
    }

    /**
     * The next 10 ms of mixed audio. {@code oldestTimestamp[0]} receives the timestamp of the oldest
     * frame mixed in, or 0 when the frame is silence. Called from the audio clock's thread only.
     */
    public short[] mixNext(long[] oldestTimestamp) {
        oldestTimestamp[0] = 0;
        only = null;
        sources = 0;
        for (AudioWriter writer : writers.values()) {
            add(writer.poll(timestamp), oldestTimestamp);
        }
        for (PlaybackQueue playback : playbacks.values()) {
            add(playback.poll(timestamp), oldestTimestamp);
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

    private void add(short[] frame, long[] oldestTimestamp) {
        if (frame == null) {
            return;
        }
        if (timestamp[0] != 0 && (oldestTimestamp[0] == 0 || timestamp[0] < oldestTimestamp[0])) {
            oldestTimestamp[0] = timestamp[0];
        }
        if (sources++ == 0) {
            only = frame;
            return;
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
}
