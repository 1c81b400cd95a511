package ai.mindbot.admin.reports;

import ai.mindbot.admin.users.UserDirectory;
import ai.mindbot.admin.users.UserSummary;
import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/users/{id}/report}: one user in full; 404 for an id the auth service does not
 * know. The path sits beside the other per-user paths ({@code /admin/users/{id}/grant}, ...);
 * {@code /admin/reports/user/{id}}, the integration guide's path, answers the same.
 */
@RestController
class UserReportController {

    static final int PURCHASES = 100;
    static final int SESSIONS = 100;
    static final int LEDGER = 200;

    private final UserDirectory users;
    private final TimeRecords records;

    UserReportController(UserDirectory users, TimeRecords records) {
        this.users = users;
        this.records = records;
    }

    @Refusal(status = 404, code = "not_found", when = "no such user")
    @GetMapping({"/admin/users/{id}/report", "/admin/reports/user/{id}"})
    UserReport report(@PathVariable String id) {
        UserSummary user = users.find(UserIds.parse(id)).orElseThrow(() -> ApiException.notFound("user " + id));
        return new UserReport(
                user,
                records.account(user.id()),
                records.purchasesOf(user.id(), PURCHASES),
                records.sessionsOf(user.id(), SESSIONS),
                records.ledgerOf(user.id(), LEDGER));
    }
}
