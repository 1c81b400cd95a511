package ai.mindbot.auth;

import ai.mindbot.common.test.ServiceSettings;
import ai.mindbot.common.test.TestDatabase;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Runs every test of a subclass twice, against one auth-service on SQLite and one on PostgreSQL
 * (started once per database with the subclass's {@link ServiceSettings}; tests keep apart by using
 * their own accounts and addresses).
 */
public abstract class OnBothDatabases extends ai.mindbot.common.test.OnBothDatabases {

    protected static AuthServer server;

    @BeforeParameterizedClassInvocation
    static void startAuthService(TestDatabase database, TestInfo test) {
        server = AuthServer.start(
                database, ServiceSettings.Read.of(test.getTestClass().orElseThrow()));
    }

    @AfterParameterizedClassInvocation
    static void stopAuthService() {
        server.close();
    }
}
