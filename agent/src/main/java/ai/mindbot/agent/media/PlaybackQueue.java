package ai.mindbot.agent.media;

import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Playout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A voice for speech, mixed into the agent's track by {@link AudioMixer}: captured audio becomes
 * 48 kHz mono 10 ms frames, queued per utterance without a cap (a TTS answer written ten times
 * faster than real time still plays whole), and each flushed utterance's future completes when its
 * last frame went to the track, or when {@link #clear()} cut it short.
 *
 * <p>Two locks, so the audio clock never waits for resampling: the producer lock orders
 * {@link #capture} and {@link #flush} and guards the resampler and the partial frame; the queue lock
 * ({@code this}) guards the frames the clock takes and is held only for list operations. A clear
 * bumps a generation number, and audio a producer was still converting for a cleared utterance is
 * thrown away when it arrives.
 */
public final class PlaybackQueue implements Playback {

    private static final int FRAME = AudioFrame.SAMPLES_PER_10MS;
    private static final int SAMPLES_PER_MS = AudioFrame.SAMPLE_RATE / 1000;

    private static final class Utterance {
        final ArrayDeque<short[]> frames = new ArrayDeque<>();
        final CompletableFuture<Playout> done = new CompletableFuture<>();
        final long firstTimestampNanos;
        long playedSamples;
        /** Real samples in the last frame, which the flush padded with silence. */
        int lastFrameSamples = FRAME;
        /** In {@code playing}: added with its first frames, so a clear cannot strand an empty one there. */
        boolean queued;

        boolean flushed;

        Utterance(long firstTimestampNanos) {
            this.firstTimestampNanos = firstTimestampNanos;
        }
    }

    private final Executor completions;

    // producer side (producerLock)
    private final Object producerLock = new Object();
    private Utterance open;
    private Resampler resampler;
    private short[] partial = new short[FRAME];
    private int partialLength;
    private long producerGeneration;

    // queue side (this)
    private final ArrayDeque<Utterance> playing = new ArrayDeque<>();
    private long generation;
    private long queuedSamples;

    /** {@code completions} runs the playout futures' completion: never the audio clock's thread. */
    public PlaybackQueue(Executor completions) {
        this.completions = completions;
    }

    @Override
    public void capture(AudioFrame frame) {
        short[] mono = frame.toMono().samples();
        synchronized (producerLock) {
            catchUpWithClear();
            if (open == null) {
                open = new Utterance(frame.timestampNanos());
            }
            List<short[]> frames = new ArrayList<>();
            int rate = resampler == null ? AudioFrame.SAMPLE_RATE : resampler.inRate();
            if (rate != frame.sampleRate()) {
                if (resampler != null) {
                    frames.addAll(cut(resampler.drain())); // the rate changed mid-utterance: finish the old stream
                }
                resampler = frame.sampleRate() == AudioFrame.SAMPLE_RATE
                        ? null
                        : new Resampler(frame.sampleRate(), AudioFrame.SAMPLE_RATE);
            }
            frames.addAll(cut(resampler == null ? mono : resampler.process(mono)));
            enqueue(open, frames, 0);
        }
    }

    @Override
    public CompletableFuture<Playout> flush() {
        synchronized (producerLock) {
            catchUpWithClear();
            Utterance utterance = open;
            open = null;
            if (utterance == null) {
                return CompletableFuture.completedFuture(new Playout(0, false));
            }
            List<short[]> frames = resampler == null ? new ArrayList<>() : cut(resampler.drain());
            resampler = null;
            int lastSamples = partialLength;
            if (partialLength > 0) {
                frames.add(partial); // the rest is already silence
                partial = new short[FRAME];
                partialLength = 0;
            }
            synchronized (this) {
                if (!enqueue(utterance, frames, lastSamples > 0 ? FRAME - lastSamples : 0)) {
                    if (!utterance.queued) {
                        utterance.done.complete(new Playout(0, true)); // cleared before any of it was queued
                    } // else clear() is completing it with what was heard
                    return utterance.done;
                }
                if (lastSamples > 0) {
                    utterance.lastFrameSamples = lastSamples;
                }
                utterance.flushed = true;
                if (utterance.frames.isEmpty()) {
                    playing.remove(utterance); // already played out, or never had audio
                    finish(utterance, false);
                }
            }
            return utterance.done;
        }
    }

    @Override
    public synchronized Playout clear() {
        Utterance head = playing.peek();
        Playout heard = head == null ? new Playout(0, false) : new Playout(head.playedSamples / SAMPLES_PER_MS, true);
        for (Utterance utterance : playing) {
            finish(utterance, true);
        }
        playing.clear();
        queuedSamples = 0;
        generation++;
        return heard;
    }

    @Override
    public synchronized long queuedMillis() {
        return queuedSamples / SAMPLES_PER_MS;
    }

    /**
     * The next 10 ms to play, or null when nothing is queued (or the open utterance has run dry).
     * {@code timestampOut[0]} gets when the utterance's audio was captured, for its first frame only:
     * later frames wait in the queue by design, and would make our own latency look like TTS speed.
     * Audio clock thread.
     */
    synchronized short[] poll(long[] timestampOut) {
        timestampOut[0] = 0;
        while (true) {
            Utterance head = playing.peek();
            if (head == null) {
                return null;
            }
            short[] frame = head.frames.poll();
            if (frame == null) {
                if (!head.flushed) {
                    return null; // more audio is coming: an underrun, heard as a gap
                }
                playing.poll();
                finish(head, false);
                continue;
            }
            boolean last = head.flushed && head.frames.isEmpty();
            int samples = last ? head.lastFrameSamples : FRAME;
            if (head.playedSamples == 0) {
                timestampOut[0] = head.firstTimestampNanos;
            }
            head.playedSamples += samples;
            queuedSamples -= samples;
            if (last) {
                playing.poll();
                finish(head, false);
            }
            return frame;
        }
    }

    /** After a clear, the producer forgets its half-made frame and starts a new utterance. Producer lock. */
    private void catchUpWithClear() {
        synchronized (this) {
            if (generation == producerGeneration) {
                return;
            }
            producerGeneration = generation;
        }
        open = null;
        resampler = null;
        partial = new short[FRAME]; // the padding of a last frame must be silence, not old samples
        partialLength = 0;
    }

    private List<short[]> cut(short[] samples) {
        List<short[]> frames = new ArrayList<>(samples.length / FRAME + 1);
        for (short sample : samples) {
            partial[partialLength++] = sample;
            if (partialLength == FRAME) {
                frames.add(partial);
                partial = new short[FRAME];
                partialLength = 0;
            }
        }
        return frames;
    }

    /** Appends frames (the last one holding {@code padding} samples of silence); false when cleared meanwhile. */
    private synchronized boolean enqueue(Utterance utterance, List<short[]> frames, int padding) {
        if (generation != producerGeneration) {
            return false; // cleared while we were converting: this audio belongs to what was cleared
        }
        if (!utterance.queued && !frames.isEmpty()) {
            playing.add(utterance);
            utterance.queued = true;
        }
        utterance.frames.addAll(frames);
        queuedSamples += (long) frames.size() * FRAME - padding;
        return true;
    }

    /** Completes off the audio clock's thread, so whatever waits on the future cannot stall the track. */
    private void finish(Utterance utterance, boolean interrupted) {
        Playout playout = new Playout(utterance.playedSamples / SAMPLES_PER_MS, interrupted);
        completions.execute(() -> utterance.done.complete(playout));
    }
}
