package ai.mindbot.auth;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import java.util.HashMap;
import java.util.Map;

/**
 * What a browser reaches at the app's origin: the real time service (simulated payments unless told
 * otherwise) and, in front of it, the real auth service with {@code TIME_SERVICE_URL} pointing at
 * it, both on the same database as the launcher runs them.
 */
public final class AppStack implements AutoCloseable {

    public final RunningService time;
    public final AuthServer auth;
    /** The app's origin: auth, with /time/** passed through. */
    public final Http app;
    /** The time service itself, for comparing what the pass-through hands on. */
    public final Http direct;

    private AppStack(RunningService time, AuthServer auth) {
        this.time = time;
        this.auth = auth;
        this.app = auth.http;
        this.direct = new Http(time.baseUrl());
    }

    public static AppStack start(TestDatabase database) {
        return start(database, Map.of(), Map.of());
    }

    public static AppStack start(
            TestDatabase database, Map<String, String> timeSettings, Map<String, String> authSettings) {
        Map<String, String> shared = new HashMap<>(database.freshProperties());
        shared.put("JWT_SECRET", AuthServer.JWT_SECRET);
        Map<String, String> timeProperties = new HashMap<>(shared);
        timeProperties.putAll(timeSettings);
        RunningService time = RunningService.start(TimeServiceApplication.builder(), timeProperties);
        Map<String, String> authProperties = new HashMap<>(shared);
        authProperties.put("TIME_SERVICE_URL", time.baseUrl());
        authProperties.putAll(authSettings);
        try {
            return new AppStack(time, AuthServer.startWith(authProperties));
        } catch (RuntimeException e) {
            time.close();
            throw e;
        }
    }

    /** The token's balance in seconds as {@code via} answers it: {@link #app} or {@link #direct}. */
    public static long balanceSeconds(Http via, String token) {
        return via.get("/time/balance", token).json().get("balance_seconds").asLong();
    }

    public String origin() {
        return auth.baseUrl();
    }

    @Override
    public void close() {
        auth.close();
        time.close();
    }
}
