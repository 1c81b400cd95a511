package ai.mindbot.auth;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import ai.mindbot.common.test.TestDatabase;

/**
 * Runs every test of a subclass twice, against one auth-service on SQLite and one on PostgreSQL
 * (started once per database; tests keep apart by using their own accounts and addresses).
 */
@ParameterizedClass
@MethodSource("ai.mindbot.common.test.TestDatabase#both")
public abstract class OnBothDatabases {

    protected static AuthServer server;

    @Parameter
    protected TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void startAuthService(TestDatabase database) {
        server = AuthServer.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stopAuthService() {
        server.close();
    }
}
