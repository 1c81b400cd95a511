package ai.mindbot.time.session;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles sessions whose reservation lapsed (the agent stopped sending heartbeats): bills what
 * they held, releases the rest, marks them expired. A recurring job (SESSION_SWEEP_SECONDS), so
 * one instance sweeps at a time; each settlement is conditional besides, so even two sweeps at
 * once could never bill twice.
 */
@Component
public class SessionSweeper {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SessionSweeper.class);

    private final SessionStore store;
    private final SessionMeter meter;
    private final Clock clock;

    SessionSweeper(SessionStore store, SessionMeter meter, Clock clock) {
        this.store = store;
        this.meter = meter;
        this.clock = clock;
    }

    /** Settles every lapsed session; how many. */
    public int sweep() {
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
}
