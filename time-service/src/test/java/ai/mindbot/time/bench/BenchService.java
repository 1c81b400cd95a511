package ai.mindbot.time.bench;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.testing.TimeService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The time service as the benchmarks run it: a fresh database, a clock {@link #SPEED} times fast so
 * every heartbeat commits whole seconds, no sweeps or outbox polls in the way, and one user per
 * client with a large balance and a live session.
 */
final class BenchService {

    static final long SPEED = 1000; // one real millisecond is one metered second
    static final long BALANCE = 1_000_000_000L;

    /** Each client's token and live session, and the calls the benchmarks make with them. */
    record Clients(String base, String[] tokens, String[] sessions, HttpClient http) {

        boolean heartbeat(int client) throws Exception {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    base + "/time/sessions/" + sessions[client] + "/heartbeat"))
                                            .header("Authorization", "Bearer " + tokens[client])
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        }

        boolean get(int client, String path) throws Exception {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(base + path))
                                            .header("Authorization", "Bearer " + tokens[client])
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        }
    }

    private BenchService() {}

    /** The service's properties: {@code sliceSeconds} per grant, and whatever {@code extra} adds. */
    static Map<String, String> properties(TestDatabase database, long sliceSeconds, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("SESSION_SLICE_SECONDS", String.valueOf(sliceSeconds));
        props.put("SESSION_SWEEP_SECONDS", "3600");
        props.put("NOTIFY_POLL_MILLIS", "3600000");
        props.put("logging.level.root", "warn");
        props.putAll(extra);
        return TimeService.properties(database.freshProperties(), props);
    }

    static RunningService start(Map<String, String> properties) {
        FastClock clock = new FastClock(SPEED);
        return TimeService.onClock(clock, properties);
    }

    /** {@code count} users named {@code prefix + n}, each granted {@link #BALANCE} and in a live session. */
    static Clients clients(RunningService service, String prefix, int count) {
        Ledger ledger = service.context().getBean(Ledger.class);
        Http http = new Http(service.baseUrl());
        String[] tokens = new String[count];
        String[] sessions = new String[count];
        for (int t = 0; t < count; t++) {
            String user = prefix + t;
            tokens[t] = Tokens.user(user);
            ledger.post(NewEntry.of(user, EntryKind.ADMIN_GRANT, BALANCE, Cause.adminAction(user)));
            Http.Response started = http.post("/time/sessions", Map.of("room_name", user), tokens[t]);
            if (started.status() != 201) {
                throw new IllegalStateException("could not start a session: " + started.body());
            }
            sessions[t] = started.json().get("session_id").asString();
        }
        return new Clients(
                service.baseUrl(),
                tokens,
                sessions,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }
}
