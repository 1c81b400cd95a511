package ai.mindbot.admin.api;

import ai.mindbot.admin.support.AdminUnderTest;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.TestDatabase;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Runs every test of a subclass twice, against one admin dashboard on SQLite and one on PostgreSQL,
 * each started once over the {@link BusinessFixture}'s past (tests only read it or act on their own rows).
 */
abstract class DashboardOnBothDatabases extends OnBothDatabases {

    static AdminUnderTest admin;
    static BusinessFixture data;

    @BeforeParameterizedClassInvocation
    static void startAdminDashboard(TestDatabase database) {
        admin = AdminUnderTest.start(database, business -> data = new BusinessFixture(business));
    }

    @AfterParameterizedClassInvocation
    static void stopAdminDashboard() {
        admin.close();
    }
}
