package ai.mindbot.time.session;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ai.mindbot.common.db.SqlDialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

/**
 * Settles sessions whose reservation lapsed (the agent stopped sending heartbeats): bills what
 * they held, releases the rest, marks them expired. Each settlement is conditional, so two sweeps
 * can never bill twice; on PostgreSQL a session-level advisory lock also makes instances take turns
 * so they don't do the same work. SQLite is one file on one machine: its IMMEDIATE transactions
 * already serialize the writers.
 */
@Component
public class SessionSweeper {

    /** The advisory-lock key of the sweep (any stable number unique among our locks). */
    static final long LOCK_KEY = 0x4d42_5357_4545_5000L; // "MBSWEEP"
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SessionSweeper.class);

    private final SessionStore store;
    private final SessionMeter meter;
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    SessionSweeper(SessionStore store, SessionMeter meter, JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.store = store;
        this.meter = meter;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mindbot.session.sweep-seconds}", initialDelayString = "${mindbot.session.sweep-seconds}",
            timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("session sweep failed; retrying at the next tick", e);
        }
    }

    /** Settles every lapsed session; -1 when another instance holds the sweep lock. */
    public int sweep() {
        if (dialect != SqlDialect.POSTGRESQL) {
            return settleLapsed();
        }
        Integer settled = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            if (!advisory(connection, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                return settleLapsed();
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(?)");
            }
        });
        return settled == null ? 0 : settled;
    }

    private int settleLapsed() {
        int settled = 0;
        List<String> lapsed;
        int settledInBatch;
        do {
            lapsed = store.lapsed(clock.millis(), BATCH);
            settledInBatch = 0;
            for (String id : lapsed) {
                try {
                    settledInBatch += meter.settleIfLapsed(id) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("could not settle session {}; will retry", id, e); // never let one block the rest
                }
            }
            settled += settledInBatch;
        } while (lapsed.size() == BATCH && settledInBatch > 0);
        if (settled > 0) {
            log.info("settled {} session(s) whose reservation lapsed", settled);
        }
        return settled;
    }

    private static boolean advisory(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
