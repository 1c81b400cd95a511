package ai.mindbot.time.session;

import ai.mindbot.common.db.SqlDialect;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SQLite has one writer at a time. Left to the database, concurrent write transactions collide
 * on BEGIN IMMEDIATE and the losers sleep in SQLite's busy handler (1, 2, 5, 10 ... 100 ms), which
 * turned 4 concurrent heartbeats into 140 ms each. So session writes queue in the process instead.
 * <p>
 * They queue by <em>combining</em>: a writer puts its transaction in the queue, and whichever
 * thread holds the lock runs the queued transactions one after the other (each its own
 * transaction, its own result or exception, handed back to its writer). Handing a plain lock from
 * thread to thread cost a trip through the scheduler per write: with 200 clients on 2 cores, each
 * handoff waited behind the runnable request threads and heartbeats took seconds
 * (docs/benchmarks/time-service.md). A holder runs at most {@link #BATCH} transactions, then passes
 * the lock on to the oldest waiter, so no request pays for everyone else's.
 * <p>
 * PostgreSQL needs no gate: its row locks already queue writers of the same account, and writers
 * of different accounts run in parallel.
 */
@Component
class WriteGate {

    static final int BATCH = 32;

    private final ReentrantLock lock;
    private final ConcurrentLinkedQueue<Write<?>> queue = new ConcurrentLinkedQueue<>();

    WriteGate(SqlDialect dialect) {
        this.lock = dialect == SqlDialect.SQLITE ? new ReentrantLock() : null;
    }

    <T> T through(Supplier<T> write) {
        if (lock == null) {
            return write.get();
        }
        if (lock.isHeldByCurrentThread() || TransactionSynchronizationManager.isActualTransactionActive()) {
            // nested in a gated write, or part of a caller's transaction: it must run on this thread
            lock.lock();
            try {
                return write.get();
            } finally {
                lock.unlock();
                wakeNext();
            }
        }
        Write<T> mine = new Write<>(write, Thread.currentThread(), MDC.getCopyOfContextMap());
        queue.add(mine);
        while (!mine.done) {
            if (lock.tryLock()) {
                try {
                    for (int n = 0; n < BATCH && !mine.done; n++) {
                        Write<?> next = queue.poll();
                        if (next == null) {
                            break;
                        }
                        next.run();
                    }
                } finally {
                    lock.unlock();
                }
                wakeNext();
            } else if (!mine.done) {
                // woken when done or when it may take its turn; the timeout only guards against a bug
                LockSupport.parkNanos(this, 50_000_000);
            }
        }
        return mine.result();
    }

    /** Writes queued while the lock was held: their writers found it taken and parked; one takes over. */
    private void wakeNext() {
        Write<?> waiting = queue.peek();
        if (waiting != null) {
            LockSupport.unpark(waiting.writer);
        }
    }

    /** One queued transaction, run by whichever thread holds the lock. */
    private static final class Write<T> {
        private final Supplier<T> work;
        private final Thread writer;
        private final Map<String, String> logContext;
        private volatile boolean done;
        private T value;
        private RuntimeException failure;
        private Error error;

        Write(Supplier<T> work, Thread writer, Map<String, String> logContext) {
            this.work = work;
            this.writer = writer;
            this.logContext = logContext;
        }

        void run() {
            Map<String, String> own = MDC.getCopyOfContextMap();
            setLogContext(logContext); // its log lines carry its own request id
            try {
                value = work.get();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            } finally {
                setLogContext(own);
            }
            done = true;
            LockSupport.unpark(writer);
        }

        private static void setLogContext(Map<String, String> context) {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
        }

        T result() {
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
