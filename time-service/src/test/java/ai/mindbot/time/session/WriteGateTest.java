package ai.mindbot.time.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.db.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The SQLite write gate with many writers at once: exclusion, each writer's own result, its own log context. */
class WriteGateTest {

    private final WriteGate gate = new WriteGate(SqlDialect.SQLITE);

    @Test
    void runsOneWriteAtATimeAndHandsEachWriterItsOwnResult() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] unguarded = {0};
        List<Future<Integer>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            for (int i = 0; i < 2000; i++) {
                int mine = i;
                results.add(pool.submit(() -> gate.through(() -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    unguarded[0]++; // safe only if writes never overlap
                    inside.decrementAndGet();
                    return mine;
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(overlaps.get()).isZero();
        assertThat(unguarded[0]).isEqualTo(2000);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnWriter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int mine = i;
                results.add(pool.submit(() -> gate.through(() -> {
                    if (mine % 2 == 0) {
                        throw new IllegalStateException("write " + mine);
                    }
                    return "ok " + mine;
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                Future<String> result = results.get(i);
                if (i % 2 == 0) {
                    assertThatThrownBy(result::get)
                            .hasCauseInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("write " + i);
                } else {
                    assertThat(result.get()).isEqualTo("ok " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aWriteRunOnAnotherThreadLogsWithItsOwnRequestId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Boolean>> sameId = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String id = "req-" + i;
                sameId.add(pool.submit(() -> {
                    MDC.put("request_id", id);
                    try {
                        return gate.through(() -> id.equals(MDC.get("request_id")));
                    } finally {
                        MDC.remove("request_id");
                    }
                }));
            }
            for (Future<Boolean> f : sameId) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aNestedWriteRunsInPlace() {
        assertThat(gate.through(() -> gate.through(() -> "inner"))).isEqualTo("inner");
    }
}
