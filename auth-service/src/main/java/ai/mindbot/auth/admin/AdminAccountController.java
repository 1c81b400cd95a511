package ai.mindbot.auth.admin;

import ai.mindbot.auth.account.AdminUsers;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.common.apidocs.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /auth/admin/users/{id}}: SecurityConfig lets only the admin role in. */
@RestController
@RequestMapping("/auth/admin/users/{id}")
class AdminAccountController {

    private final AccountAdministration administration;
    private final AdminUsers admins;

    AdminAccountController(AccountAdministration administration, AdminUsers admins) {
        this.administration = administration;
        this.admins = admins;
    }

    record DisableRequest(@Size(max = 500) String reason) {}

    @Refusal(status = 400, code = "invalid_parameter", when = "the id is not a whole number")
    @Refusal(status = 404, code = "not_found", when = "no user has this id")
    @GetMapping
    AccountStatus get(@PathVariable long id) {
        return status(administration.find(id));
    }

    @Refusal(status = 400, code = "invalid_parameter", when = "the id is not a whole number")
    @Refusal(status = 404, code = "not_found", when = "no user has this id")
    @Refusal(status = 409, code = "cannot_disable_self", when = "an admin cannot disable their own account")
    @PostMapping("/disable")
    AccountStatus disable(
            @PathVariable long id,
            @Valid @RequestBody(required = false) DisableRequest body,
            @AuthenticationPrincipal Jwt admin) {
        String reason = body == null ? null : body.reason();
        return status(administration.disable(id, reason, admin.getSubject()));
    }

    @Refusal(status = 400, code = "invalid_parameter", when = "the id is not a whole number")
    @Refusal(status = 404, code = "not_found", when = "no user has this id")
    @PostMapping("/enable")
    AccountStatus enable(@PathVariable long id, @AuthenticationPrincipal Jwt admin) {
        return status(administration.enable(id, admin.getSubject()));
    }

    private AccountStatus status(UserAccount account) {
        return AccountStatus.of(account, admins.rolesOf(account));
    }
}
