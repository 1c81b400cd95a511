package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Playout;
import ai.mindbot.agent.media.AudioFrame;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Playback} that plays in the {@link ManualExecutor}'s virtual time, 10 ms per tick like
 * the real audio clock: utterances queue, each plays once the one before it is done, a flushed one
 * completes when its last sample has been "sent", and {@link #clear()} stops at once. It records
 * when audio was actually out, so tests can assert what a listener heard and when.
 */
public final class FakePlayback implements Playback {

    private static final long TICK_MICROS = 10_000;

    private final ManualExecutor clock;
    private final Deque<Utterance> utterances = new ArrayDeque<>();
    private final List<Long> audibleTicksMillis = new ArrayList<>();
    private final List<Long> clearsMillis = new ArrayList<>();
    private final List<Long> captureMillis = new ArrayList<>();
    private boolean ticking;

    public FakePlayback(ManualExecutor clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void capture(AudioFrame frame) {
        captureMillis.add(clock.millis());
        Utterance open = utterances.peekLast();
        if (open == null || open.flushed) {
            open = new Utterance();
            utterances.addLast(open);
        }
        open.queuedMicros += frame.samplesPerChannel() * 1_000_000L / frame.sampleRate();
        startTicking();
    }

    @Override
    public synchronized CompletableFuture<Playout> flush() {
        Utterance open = utterances.peekLast();
        if (open == null || open.flushed) {
            return CompletableFuture.completedFuture(new Playout(0, false));
        }
        open.flushed = true;
        startTicking();
        return open.done;
    }

    @Override
    public synchronized Playout clear() {
        clearsMillis.add(clock.millis());
        Utterance playing = utterances.peekFirst();
        Playout result = new Playout(playing == null ? 0 : playing.playedMicros / 1000, playing != null);
        for (Utterance u : utterances) {
            u.done.complete(new Playout(u.playedMicros / 1000, true));
        }
        utterances.clear();
        return playing == null ? new Playout(0, false) : result;
    }

    @Override
    public synchronized long queuedMillis() {
        return utterances.stream()
                        .mapToLong(u -> u.queuedMicros - u.playedMicros)
                        .sum()
                / 1000;
    }

    /** Virtual times (ms) of every 10 ms tick in which audio was sent to the room. */
    public synchronized List<Long> audibleTicksMillis() {
        return List.copyOf(audibleTicksMillis);
    }

    /** Virtual times (ms) of every {@link #clear()}. */
    public synchronized List<Long> clearsMillis() {
        return List.copyOf(clearsMillis);
    }

    /** Virtual time (ms) of the first captured frame, or -1. */
    public synchronized long firstCaptureMillis() {
        return captureMillis.isEmpty() ? -1 : captureMillis.get(0);
    }

    /** Whether audio went out in the tick ending at or after {@code fromMillis}. */
    public synchronized boolean audibleSince(long fromMillis) {
        return audibleTicksMillis.stream().anyMatch(t -> t > fromMillis);
    }

    public synchronized long audibleMillis() {
        return audibleTicksMillis.size() * 10L;
    }

    private void startTicking() {
        if (!ticking) {
            ticking = true;
            clock.schedule(this::tick, Duration.ofMillis(10));
        }
    }

    private synchronized void tick() {
        long budget = TICK_MICROS;
        boolean audible = false;
        while (budget > 0 && !utterances.isEmpty()) {
            Utterance head = utterances.peekFirst();
            long left = head.queuedMicros - head.playedMicros;
            long play = Math.min(left, budget);
            head.playedMicros += play;
            budget -= play;
            audible |= play > 0;
            if (head.flushed && head.playedMicros >= head.queuedMicros) {
                utterances.pollFirst();
                head.done.complete(new Playout(head.playedMicros / 1000, false));
            } else if (play == 0) {
                break; // underrun: the open utterance waits for more audio
            }
        }
        if (audible) {
            audibleTicksMillis.add(clock.millis());
        }
        if (utterances.isEmpty()) {
            ticking = false;
        } else {
            clock.schedule(this::tick, Duration.ofMillis(10));
        }
    }

    private static final class Utterance {
        long queuedMicros;
        long playedMicros;
        boolean flushed;
        final CompletableFuture<Playout> done = new CompletableFuture<>();
    }
}
