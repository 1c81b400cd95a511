package ai.mindbot.admin.api;

import static ai.mindbot.common.test.HostileValues.fields;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.HostileProbe;
import ai.mindbot.common.test.HostileValues;
import ai.mindbot.common.test.HostileValues.Value;
import ai.mindbot.common.test.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every POST endpoint of the admin dashboard, with generated hostile text in each string field and
 * path id and non-integer numbers in each field: never a 5xx, every refusal problem+json, and a
 * refusal writes nothing: no audit row, no call to the auth or time service.
 */
class HostileInputIT extends DashboardOnBothDatabases {

    private static final List<Value> TEXTS = HostileValues.texts(13, 40);
    private static final String TOKEN = Tokens.admin("900", "root@mindbot.test");

    private static final Set<String> INTEGER_FIELDS = Set.of("seconds", "amount_cents");

    private record Endpoint(String path, String bearer, Map<String, String> fields) {}

    @Test
    void everyPostEndpointRefusesHostileInputCleanly() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("/admin/users/" + data.bob + "/grant", TOKEN, fields("seconds", "60", "reason", "\"r\"")),
                new Endpoint("/admin/users/" + data.cy + "/disable", TOKEN, fields("reason", "\"r\"")),
                new Endpoint("/admin/users/" + data.cy + "/enable", TOKEN, fields("reason", "\"r\"")),
                new Endpoint(
                        "/admin/purchases/" + data.adaRefundedPurchase + "/refund",
                        TOKEN,
                        fields("amount_cents", "1", "reason", "\"r\"")),
                new Endpoint("/admin/sessions/" + data.bobLiveSession + "/end", TOKEN, fields("reason", "\"r\"")),
                new Endpoint(
                        "/admin/session/login", null, fields("email", "\"boss@mindbot.test\"", "password", "\"pw\"")));

        HostileProbe actions = new HostileProbe(
                admin.http,
                () -> List.of(
                        admin.services.calls().size(),
                        admin.http
                                .get("/admin/audit?limit=1", TOKEN)
                                .json()
                                .get("total")
                                .asLong()));
        // sign-in is the auth service's decision: the panel forwards every attempt (auth validates,
        // counts and refuses it), so there "nothing written" means nothing of the dashboard's own
        HostileProbe signIn = new HostileProbe(
                admin.http,
                () -> admin.http
                        .get("/admin/audit?limit=1", TOKEN)
                        .json()
                        .get("total")
                        .asLong());
        for (Endpoint endpoint : endpoints) {
            HostileProbe probe = endpoint.path().equals("/admin/session/login") ? signIn : actions;
            probe.postEachField(endpoint.path(), endpoint.bearer(), endpoint::fields, TEXTS, INTEGER_FIELDS, false);
        }
        for (Value value : TEXTS) {
            String id = HostileValues.pathSegment(value);
            for (String path : new String[] {
                "/admin/users/" + id + "/grant",
                "/admin/users/" + id + "/disable",
                "/admin/purchases/" + id + "/refund",
                "/admin/sessions/" + id + "/end"
            }) {
                actions.send(
                        "POST " + path + " id = " + value.label(),
                        "POST",
                        path,
                        "{\"seconds\":60,\"reason\":\"r\"}",
                        TOKEN,
                        true);
            }
        }

        assertThat(actions.violations())
                .as("of " + actions.requests() + " requests")
                .isEmpty();
        assertThat(signIn.violations())
                .as("of " + signIn.requests() + " requests")
                .isEmpty();
        assertThat(actions.requests() + signIn.requests()).isGreaterThan(600);
    }
}
