package ai.mindbot.admin.support;

import ai.mindbot.admin.AdminDashboardApplication;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The admin dashboard started for real on a fresh database of the given kind, with the business
 * schemas in place and fake auth/time services to act through.
 */
public final class AdminUnderTest implements AutoCloseable {

    public final FakeServices services = new FakeServices();
    public final Business business;
    public final RunningService service;
    public final Http http;

    private AdminUnderTest(TestDatabase database, Map<String, String> extra, Consumer<Business> seed) {
        Map<String, String> properties = new HashMap<>(database.freshProperties());
        properties.put("JWT_SECRET", Tokens.SECRET);
        properties.put("ADMIN_DB_PATH", properties.get("MINDBOT_DATA_DIR") + "/mindbot_admin.db");
        properties.put("AUTH_SERVICE_URL", services.url());
        properties.put("TIME_SERVICE_URL", services.url());
        properties.put("mindbot.admin.rollup-interval", "0s");
        properties.putAll(extra);
        business = Business.create(database, properties);
        // Before the service starts: its rollups take the past as settled (see UsageRollup).
        seed.accept(business);
        service = RunningService.start(AdminDashboardApplication.builder(), properties);
        http = new Http(service.baseUrl());
    }

    /** Starts the service after {@code seed} has written the business's past. */
    public static AdminUnderTest start(TestDatabase database, Consumer<Business> seed) {
        return new AdminUnderTest(database, Map.of(), seed);
    }

    @Override
    public void close() {
        service.close();
        services.close();
    }
}
