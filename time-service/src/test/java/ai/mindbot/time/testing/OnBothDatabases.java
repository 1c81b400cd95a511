package ai.mindbot.time.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.ServiceSettings;
import ai.mindbot.common.test.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Runs every test of a subclass twice, against one time service on SQLite and one on PostgreSQL,
 * started once per database with the subclass's {@link ServiceSettings}, on a hand-moved clock where
 * it says {@link HandMovedClock}, beside a real auth service where it says {@link WithAuthService}
 * (tests keep apart by using their own users). After the class's tests the ledger must still rebuild every balance.
 * Tests that need another peer started first (stripe-mock, SMTP) extend
 * {@link ai.mindbot.common.test.OnBothDatabases} and start the time service themselves.
 */
public abstract class OnBothDatabases extends ai.mindbot.common.test.OnBothDatabases {

    protected static TimeService time;
    protected static Http http;
    /** The auth service beside it, where the test class says {@link WithAuthService}; else null. */
    protected static AuthService auth;

    @BeforeParameterizedClassInvocation
    static void startTimeService(TestDatabase database, TestInfo test) {
        Class<?> testClass = test.getTestClass().orElseThrow();
        Map<String, String> settings = new HashMap<>(ServiceSettings.Read.of(testClass));
        auth = testClass.isAnnotationPresent(WithAuthService.class) ? AuthService.start(database) : null;
        if (auth != null) {
            settings.putAll(auth.timeServiceProperties());
        }
        time = testClass.isAnnotationPresent(HandMovedClock.class)
                ? TimeService.onHandMovedClock(database, settings)
                : TimeService.start(database, settings);
        http = time.http;
    }

    @AfterParameterizedClassInvocation
    static void stopTimeService() {
        try {
            assertThat(time.auditMismatches()).isEmpty();
        } finally {
            time.close();
            if (auth != null) {
                auth.close();
            }
        }
    }
}
