package ai.mindbot.time.session;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import ai.mindbot.common.db.SqlDialect;

/**
 * SQLite has one writer at a time. Left to the database, concurrent write transactions collide
 * on BEGIN IMMEDIATE and the losers sleep in SQLite's busy handler (1, 2, 5, 10 ... 100 ms), which
 * turned 4 concurrent heartbeats into 140 ms each. Queuing session writes on a fair lock in the
 * process instead hands the file over without sleeping. PostgreSQL needs no gate: its row locks
 * already queue writers of the same account, and writers of different accounts run in parallel.
 */
@Component
class WriteGate {

    private final ReentrantLock lock;

    WriteGate(SqlDialect dialect) {
        this.lock = dialect == SqlDialect.SQLITE ? new ReentrantLock(true) : null;
    }

    <T> T through(Supplier<T> write) {
        if (lock == null) {
            return write.get();
        }
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
