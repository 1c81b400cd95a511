package ai.mindbot.agent.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces every room's outgoing audio: each 10 ms tick, each registered output takes its next mixed
 * frame and pushes it to its track. A few clock threads (one per core) serve all rooms instead of
 * a thread per room, which keeps many rooms cheap; outputs go to the least busy one. A late tick is
 * caught up (fixed rate), so tracks never drift.
 */
public final class AudioClock implements AutoCloseable {

    /** Something that plays 10 ms of audio per tick. */
    public interface Output {
        void tick();
    }

    private static final Logger log = LoggerFactory.getLogger(AudioClock.class);

    private final List<Shard> shards = new ArrayList<>();
    private final Map<Output, Shard> placement = new ConcurrentHashMap<>();

    public AudioClock() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public AudioClock(int threads) {
        for (int i = 0; i < Math.max(1, threads); i++) {
            shards.add(new Shard("agent-audio-clock-" + i));
        }
    }

    public synchronized void add(Output output) {
        Shard shard = shards.stream()
                .min(Comparator.comparingInt(s -> s.outputs.size()))
                .orElseThrow();
        placement.put(output, shard);
        shard.outputs.add(output);
    }

    /**
     * Removes an output and returns only once no tick is using it any more, so the caller may then
     * free the native track behind it (a tick still pushing into a disposed source would crash).
     */
    public void remove(Output output) {
        Shard shard = placement.remove(output);
        if (shard != null) {
            shard.outputs.remove(output);
            shard.ticking.lock();
            shard.ticking.unlock();
        }
    }

    public int outputs() {
        return placement.size();
    }

    @Override
    public void close() {
        shards.forEach(shard -> shard.thread.shutdownNow());
    }

    private final class Shard {
        final Set<Output> outputs = new CopyOnWriteArraySet<>();
        final ReentrantLock ticking = new ReentrantLock();
        final ScheduledExecutorService thread;

        Shard(String name) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                t.setPriority(Thread.MAX_PRIORITY);
                return t;
            });
            thread.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            ticking.lock();
            try {
                for (Output output : outputs) {
                    try {
                        output.tick();
                    } catch (RuntimeException e) {
                        // one broken room must not silence the others
                        log.warn("audio output failed; removing it", e);
                        outputs.remove(output);
                        placement.remove(output);
                    }
                }
            } finally {
                ticking.unlock();
            }
        }
    }
}
