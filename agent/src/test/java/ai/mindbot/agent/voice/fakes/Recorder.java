package ai.mindbot.agent.voice.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Collects a provider's events, as they arrive on its threads, for a test to wait on and read.
 *
 * @param <E> the event type ({@code SttEvent}, {@code LlmEvent}, {@code TtsEvent})
 */
public final class Recorder<E> implements Consumer<E> {

    private final List<E> events = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    @Override
    public synchronized void accept(E event) {
        events.add(event);
        arrivals.add(System.nanoTime());
        notifyAll();
    }

    public synchronized List<E> events() {
        return List.copyOf(events);
    }

    /** {@link System#nanoTime()} at which each event arrived. */
    public synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Waits until some event matches, and returns the events so far; fails the test on timeout. */
    public synchronized List<E> awaitAny(Predicate<? super E> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.stream().noneMatch(match)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + "; events so far: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }

    /** Waits for an event of {@code type} and returns the events so far. */
    public List<E> awaitType(Class<? extends E> type, Duration timeout) throws InterruptedException {
        return awaitAny(type::isInstance, timeout);
    }
}
