package ai.mindbot.admin.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Right after start-up, in the background: the rollups (on a large existing database the first
 * build takes a while; requests that arrive meanwhile wait for it rather than each scanning the
 * whole year). The indexes the reports need are the time service's, created by its migrations.
 */
@Component
class ReportsWarmup {

    private static final Logger log = LoggerFactory.getLogger(ReportsWarmup.class);

    private final RollupRefresher rollup;

    ReportsWarmup(RollupRefresher rollup) {
        this.rollup = rollup;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warmup = new Thread(
                () -> {
                    try {
                        long started = System.nanoTime();
                        rollup.refreshIfStale();
                        log.info("reports: rollups ready in {} ms", (System.nanoTime() - started) / 1_000_000);
                    } catch (RuntimeException e) {
                        log.warn(
                                "reports: warm-up did not finish ({}); reports will catch up on first use",
                                e.getMessage());
                    }
                },
                "admin-reports-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }
}
