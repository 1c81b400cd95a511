package ai.mindbot.agent.media;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that ticks every 10 ms for every room of the worker: each tick, each registered
 * output takes its next mixed frame and pushes it to its track. A single clock instead of a thread
 * per room keeps many rooms cheap; a late tick is caught up (fixed rate), so tracks never drift.
 */
public final class AudioClock implements AutoCloseable {

    /** Something that plays 10 ms of audio per tick. */
    public interface Output {
        void tick();
    }

    private static final Logger log = LoggerFactory.getLogger(AudioClock.class);

    private final Set<Output> outputs = new CopyOnWriteArraySet<>();
    private final ReentrantLock ticking = new ReentrantLock();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-audio-clock");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });

    public AudioClock() {
        thread.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    public void add(Output output) {
        outputs.add(output);
    }

    /**
     * Removes an output and returns only once no tick is using it any more, so the caller may then
     * free the native track behind it (a tick still pushing into a disposed source would crash).
     */
    public void remove(Output output) {
        outputs.remove(output);
        ticking.lock();
        ticking.unlock();
    }

    public int outputs() {
        return outputs.size();
    }

    private void tick() {
        ticking.lock();
        try {
            tickAll();
        } finally {
            ticking.unlock();
        }
    }

    private void tickAll() {
        for (Output output : outputs) {
            try {
                output.tick();
            } catch (RuntimeException e) {
                // one broken room must not silence the others
                log.warn("audio output failed; removing it", e);
                outputs.remove(output);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
