package ai.mindbot.agent.voice.wire;

import java.util.function.Consumer;

/**
 * Delivers one request's events to its listener until the request ends or is cancelled, and never
 * after. The provider interfaces promise "exactly one terminal event, unless cancelled first (then
 * nothing more)": delivery and {@link #cancel()} share a lock, so once {@code cancel()} has returned
 * no event can still be on its way, even from a reader thread that was mid-delivery.
 *
 * @param <E> the provider's event type
 */
public final class EventGate<E> {

    private final Consumer<E> listener;
    private boolean closed;

    public EventGate(Consumer<E> listener) {
        this.listener = listener;
    }

    /** Passes on a non-terminal event; {@code false} once the request is over (the caller may stop reading). */
    public synchronized boolean deliver(E event) {
        if (closed) {
            return false;
        }
        listener.accept(event);
        return true;
    }

    /** Passes on the terminal event, once; later terminal or ordinary events are dropped. */
    public synchronized void finish(E event) {
        if (closed) {
            return;
        }
        closed = true;
        listener.accept(event);
    }

    /** Ends delivery without a terminal event. Idempotent. */
    public synchronized void cancel() {
        closed = true;
    }

    public synchronized boolean isOpen() {
        return !closed;
    }
}
