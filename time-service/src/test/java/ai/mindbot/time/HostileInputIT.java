package ai.mindbot.time;

import static ai.mindbot.common.test.HostileValues.fields;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.HostileProbe;
import ai.mindbot.common.test.HostileValues;
import ai.mindbot.common.test.HostileValues.Value;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.testing.OnBothDatabases;
import ai.mindbot.time.testing.WithAuthService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every public and admin POST endpoint of the time service, with generated hostile text in each
 * string field and path id and non-integer numbers in each field: never a 5xx, every refusal
 * problem+json, a refusal writes nothing (accounts, ledger, purchases, sessions, outbox), and
 * whatever was accepted leaves the ledger consistent. On SQLite and PostgreSQL.
 */
@WithAuthService
class HostileInputIT extends OnBothDatabases {

    private static final long SEED = 13;
    private static final List<Value> TEXTS = HostileValues.texts(SEED, 40);

    private static final Set<String> INTEGER_FIELDS = Set.of("seconds", "amount_cents");

    private record Endpoint(String path, String bearer, Map<String, String> fields) {}

    @Test
    void everyPostEndpointRefusesHostileInputCleanly() {
        String admin = Tokens.adminOnly("9000");
        String buyer = auth.newUser();
        String target = auth.newUser();
        assertThat(grant(buyer, admin).status()).isEqualTo(200);
        String purchase = time.purchase(buyer, "pro_20h", "pm_card_visa")
                .json()
                .get("purchase_id")
                .asString();
        String session = time.http
                .post("/time/sessions", Map.of("room_name", "hostile-room"), Tokens.user(buyer))
                .json()
                .get("session_id")
                .asString();

        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "/time/purchase",
                        Tokens.user(buyer),
                        fields("package_id", "\"starter_1h\"", "payment_method_id", "\"pm_card_visa\"")),
                new Endpoint(
                        "/time/sessions",
                        Tokens.user(buyer),
                        fields("room_name", "\"hostile-room\"", "participant_identity", "\"p-1\"")),
                new Endpoint(
                        "/time/admin/grants",
                        admin,
                        fields("user_id", "\"" + target + "\"", "seconds", "60", "reason", "\"r\"")),
                new Endpoint(
                        "/time/admin/purchases/" + purchase + "/refund",
                        admin,
                        fields("amount_cents", "1", "reason", "\"r\"")),
                new Endpoint("/time/admin/accounts/" + target + "/disable", admin, fields("reason", "\"r\"")),
                new Endpoint("/time/admin/accounts/" + target + "/enable", admin, fields("reason", "\"r\"")),
                new Endpoint("/time/admin/sessions/ses_none/end", admin, fields("reason", "\"r\"")),
                new Endpoint("/webhooks/stripe", null, fields("id", "\"evt_1\"", "type", "\"charge.refunded\"")),
                new Endpoint("/webhooks/livekit", null, fields("event", "\"room_finished\"")));

        HostileProbe probe = new HostileProbe(time.http, this::written);
        for (Endpoint endpoint : endpoints) {
            // unsigned webhooks must be refused whatever they hold
            boolean webhook = endpoint.path().startsWith("/webhooks/");
            probe.postEachField(endpoint.path(), endpoint.bearer(), endpoint::fields, TEXTS, INTEGER_FIELDS, webhook);
        }
        for (Value value : TEXTS) {
            String id = HostileValues.pathSegment(value);
            for (String path : new String[] {
                "/time/sessions/" + id + "/heartbeat",
                "/time/sessions/" + id + "/end",
                "/time/admin/accounts/" + id + "/disable",
                "/time/admin/purchases/" + id + "/refund",
                "/time/admin/sessions/" + id + "/end"
            }) {
                String bearer = path.startsWith("/time/admin/") ? admin : Tokens.user(buyer);
                probe.send("POST " + path + " id = " + value.label(), "POST", path, "{\"reason\":\"r\"}", bearer, true);
            }
        }

        assertThat(probe.violations())
                .as("of " + probe.requests() + " requests")
                .isEmpty();
        assertThat(probe.requests()).isGreaterThan(900);
        assertThat(time.bean(LedgerAudit.class).mismatches()).isEmpty();
        // the session the buyer started is still theirs and still live: nothing hostile touched it
        assertThat(time.http
                        .get("/time/sessions/" + session, Tokens.user(buyer))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("active");
    }

    private Http.Response grant(String user, String admin) {
        return time.http.post(
                "/time/admin/grants", Map.of("user_id", user, "seconds", 360_000, "reason", "seed"), admin);
    }

    /** Everything the time service writes, as counts and sums that any write moves. */
    private Object written() {
        JdbcClient db = time.bean(JdbcClient.class);
        return List.of(
                db.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single(),
                db.sql("SELECT COALESCE(SUM(updated_at), 0) FROM accounts")
                        .query(Long.class)
                        .single(),
                db.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single(),
                db.sql("SELECT COUNT(*) FROM purchases").query(Long.class).single(),
                db.sql("SELECT COALESCE(SUM(updated_at), 0) FROM purchases")
                        .query(Long.class)
                        .single(),
                db.sql("SELECT COUNT(*) FROM voice_sessions").query(Long.class).single(),
                db.sql("SELECT COALESCE(SUM(commit_count), 0) FROM voice_sessions")
                        .query(Long.class)
                        .single(),
                db.sql("SELECT COUNT(*) FROM notification_outbox")
                        .query(Long.class)
                        .single(),
                db.sql("SELECT COUNT(*) FROM stripe_events").query(Long.class).single());
    }
}
