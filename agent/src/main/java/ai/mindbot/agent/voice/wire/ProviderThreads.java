package ai.mindbot.agent.voice.wire;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that read provider answers. Reading a streamed body blocks, so each request in flight
 * holds one thread; a cached pool grows with the rooms and shrinks when they go quiet. Daemon
 * threads, so a provider never keeps the worker from exiting.
 */
public final class ProviderThreads {

    private ProviderThreads() {}

    public static ExecutorService pool(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(factory);
    }
}
