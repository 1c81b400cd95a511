package ai.mindbot.launcher.cluster;

import ai.mindbot.common.test.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What many people do at once, all through nginx: sign up, buy a card (and ask again with the same
 * Idempotency-Key, as a client whose answer was lost would), buy one that needs 3-D Secure (settled
 * later by webhooks only), talk in sessions with heartbeats, hang up, or vanish mid-call and leave
 * the session to the sweeper. A second group holds a small admin grant and starts several sessions
 * at once, trying to talk for longer than it has.
 */
final class ClusterWorkload {

    /** A purchase the browser would finish with 3-D Secure; here only a signed webhook settles it. */
    record PendingIntent(String purchaseId, String paymentIntentId, long amountCents) {}

    static final long SMALL_GRANT_SECONDS = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http edge;
    private final Retrying retrying;
    private final ConcurrentLinkedQueue<PendingIntent> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final List<String> smallGrantUsers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger abandoned = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    ClusterWorkload(Http edge, Retrying retrying) {
        this.edge = edge;
        this.retrying = retrying;
    }

    /** Runs {@code buyers} buyer stories and {@code savers} small-grant stories on a pool of threads. */
    void run(int buyers, int savers, String adminToken, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> stories = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            int n = i;
            stories.add(pool.submit(() -> buyer(n)));
        }
        for (int i = 0; i < savers; i++) {
            int n = i;
            stories.add(pool.submit(() -> saver(n, adminToken)));
        }
        for (Future<?> story : stories) {
            try {
                story.get();
            } catch (ExecutionException e) {
                problems.add(String.valueOf(e.getCause()));
            }
        }
        pool.shutdown();
    }

    List<PendingIntent> pending() {
        return List.copyOf(pending);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Calls left without hanging up, for the sweeper. */
    int abandoned() {
        return abandoned.get();
    }

    List<String> smallGrantUsers() {
        return List.copyOf(smallGrantUsers);
    }

    String signUp(String email) {
        String password = "cluster-password-" + email;
        Http.Response registered = retrying.call(
                "register " + email,
                () -> edge.post(
                        "/auth/register",
                        Map.of("email", email, "password", password, "full_name", "Cluster " + email)));
        if (registered.status() == 201) {
            return registered.json().get("access_token").asString();
        }
        // a retry after the first attempt went through finds the account there: sign in instead
        expect("register " + email, registered, 409);
        Http.Response login = retrying.call(
                "login " + email, () -> edge.post("/auth/login", Map.of("email", email, "password", password)));
        expect("login " + email, login, 200);
        return login.json().get("access_token").asString();
    }

    private void buyer(int n) {
        String token = signUp("buyer-" + run + "-" + n + "@cluster.test");
        String key = UUID.randomUUID().toString();
        Http.Response first = purchase(token, "pm_card_visa", key);
        Http.Response again = purchase(token, "pm_card_visa", key);
        if (!first.json().path("purchase_id").equals(again.json().path("purchase_id"))) {
            problems.add("the same Idempotency-Key gave two purchases: " + first.body() + " / " + again.body());
        }
        Http.Response secure = purchase(
                token, "pm_card_authenticationRequired", UUID.randomUUID().toString());
        if (!"requires_action".equals(secure.json().path("status").asString())) {
            problems.add("a 3-D Secure card was not left for the browser: " + secure.body());
        } else {
            pending.add(new PendingIntent(
                    secure.json().get("purchase_id").asString(),
                    secure.json().get("payment_intent_id").asString(),
                    secure.json().path("package").path("price_cents").asLong()));
        }
        talk(token, "room-" + run + "-" + n + "-a", 3, true);
        talk(token, "room-" + run + "-" + n + "-b", 1, false);
    }

    private void saver(int n, String adminToken) {
        String token = signUp("saver-" + run + "-" + n + "@cluster.test");
        String userId = subject(token);
        smallGrantUsers.add(userId);
        String key = UUID.randomUUID().toString();
        Http.Response grant = retrying.call(
                "grant " + userId,
                () -> edge.send(
                        "POST",
                        "/time/admin/grants",
                        Http.json(Map.of("user_id", userId, "seconds", SMALL_GRANT_SECONDS, "reason", "cluster check")),
                        adminToken,
                        Map.of("Idempotency-Key", key)));
        expect("grant", grant, 200, 201);
        // four calls at once against 40 seconds: together they may never bill more than the grant
        List<Thread> calls = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String room = "saver-" + run + "-" + n + "-" + c;
            Thread call = new Thread(() -> talk(token, room, 12, true), room);
            call.start();
            calls.add(call);
        }
        for (Thread call : calls) {
            try {
                call.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A call: start, {@code heartbeats} heartbeats a second apart, then hang up or vanish. */
    private void talk(String token, String room, int heartbeats, boolean hangUp) {
        Http.Response started =
                retrying.call("start " + room, () -> edge.post("/time/sessions", Map.of("room_name", room), token));
        if (started.status() == 402) {
            return; // not enough left to start: the right answer for a drained account
        }
        expect("start " + room, started, 201);
        String id = started.json().get("session_id").asString();
        for (int i = 0; i < heartbeats; i++) {
            ServiceProcess.sleep(1000);
            Http.Response beat = retrying.call(
                    "heartbeat " + id, () -> edge.post("/time/sessions/" + id + "/heartbeat", Map.of(), token));
            if (beat.status() == 409
                    || "ended".equals(beat.json().path("status").asString())) {
                return; // the time ran out and the service ended the call
            }
            expect("heartbeat " + id, beat, 200);
        }
        if (!hangUp) {
            abandoned.incrementAndGet();
        } else {
            expect(
                    "end " + id,
                    retrying.call("end " + id, () -> edge.post("/time/sessions/" + id + "/end", Map.of(), token)),
                    200);
        }
    }

    private Http.Response purchase(String token, String method, String key) {
        Http.Response answer = retrying.call(
                "purchase " + method,
                () -> edge.send(
                        "POST",
                        "/time/purchase",
                        Http.json(Map.of("package_id", "starter_1h", "payment_method_id", method)),
                        token,
                        Map.of("Idempotency-Key", key)));
        expect("purchase " + method, answer, 200, 201, 202);
        return answer;
    }

    private void expect(String what, Http.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        problems.add(what + ": " + response.status() + " " + response.body());
        throw new IllegalStateException(what + ": " + response.status());
    }

    static String subject(String jwt) {
        String payload = jwt.split("\\.")[1];
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        return claims.get("sub").asString();
    }
}
