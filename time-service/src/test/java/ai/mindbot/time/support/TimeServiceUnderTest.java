package ai.mindbot.time.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.ledger.NewEntry;

/** The real time service on a fresh database with a hand-moved clock, and the handles tests need. */
public final class TimeServiceUnderTest implements AutoCloseable {

    public final RunningService service;
    public final Http http;
    public final MutableClock clock;

    private TimeServiceUnderTest(RunningService service, MutableClock clock) {
        this.service = service;
        this.http = new Http(service.baseUrl());
        this.clock = clock;
    }

    public static TimeServiceUnderTest start(TestDatabase database, Map<String, String> extra) {
        return start(database.freshProperties(), extra);
    }

    /** On a database given by {@code databaseProperties}, e.g. one that another instance already uses. */
    public static TimeServiceUnderTest start(Map<String, String> databaseProperties, Map<String, String> extra) {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, String> props = new HashMap<>(databaseProperties);
        props.put("JWT_SECRET", TestTokens.SECRET);
        props.put("SESSION_SWEEP_SECONDS", "3600"); // tests sweep by hand unless they say otherwise
        props.put("NOTIFY_POLL_MILLIS", "3600000");
        props.put("PURCHASE_JANITOR_SECONDS", "3600");
        props.putAll(extra);
        RunningService service = RunningService.start(TimeServiceApplication.builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock)), props);
        return new TimeServiceUnderTest(service, clock);
    }

    public <T> T bean(Class<T> type) {
        return service.context().getBean(type);
    }

    public JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** Seeds a balance the way a purchase would: through the ledger. */
    public void grant(String userId, long seconds) {
        bean(Ledger.class).post(NewEntry.of(userId, EntryKind.ADMIN_GRANT, seconds,
                Cause.adminAction("seed-" + userId + "-" + java.util.UUID.randomUUID())));
    }

    public long balance(String userId) {
        return jdbc().sql("SELECT balance_seconds FROM accounts WHERE user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    public long reserved(String userId) {
        return jdbc().sql("SELECT reserved_seconds FROM accounts WHERE user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    public java.util.List<LedgerAudit.Mismatch> auditMismatches() {
        return bean(LedgerAudit.class).mismatches();
    }

    @Override
    public void close() {
        service.close();
    }
}
