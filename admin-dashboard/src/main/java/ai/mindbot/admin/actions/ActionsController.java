package ai.mindbot.admin.actions;

import ai.mindbot.admin.audit.AuditLog;
import ai.mindbot.admin.reports.TimeRecords;
import ai.mindbot.admin.reports.UserIds;
import ai.mindbot.admin.upstream.Services;
import ai.mindbot.admin.users.UserDirectory;
import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.IdempotencyKey;
import jakarta.validation.Valid;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The admin actions. Each checks that its target exists (404 otherwise, nothing audited), then
 * asks the owning service to act with the admin's own token, through {@link ActionRunner}.
 */
@RestController
class ActionsController {

    /** Disable and enable call both services, so one may apply alone; the user must exist. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Refusal(
            status = 502,
            code = "partially_applied",
            when = "one of the two services applied the action; check and retry")
    @Refusal(status = 404, code = "not_found", when = "no such user")
    @interface SwitchesUser {}

    private final ActionRunner runner;
    private final Services services;
    private final UserDirectory users;
    private final TimeRecords records;

    ActionsController(ActionRunner runner, Services services, UserDirectory users, TimeRecords records) {
        this.runner = runner;
        this.services = services;
        this.users = users;
        this.records = records;
    }

    @ActionRefusals
    @Refusal(status = 404, code = "not_found", when = "no such user")
    @Refusal(status = 400, code = "invalid_seconds", when = "seconds is zero: positive grants, negative takes back")
    @Refusal(
            status = 400,
            code = "invalid_idempotency_key",
            when = "Idempotency-Key is not 1 to 100 of A-Z a-z 0-9 . _ : -")
    @Refusal(
            status = 409,
            code = "revoke_exceeds_available",
            when = "the time service's: a take-back larger than the balance")
    @Refusal(
            status = 422,
            code = "idempotency_key_reused",
            when = "the time service's: the key was used for a different grant")
    @PostMapping("/admin/users/{id}/grant")
    ActionResult grant(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String id,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ActionRequests.Grant body) {
        String userId = existingUser(id);
        if (body.seconds() == 0) {
            throw ApiException.badRequest(
                    "invalid_seconds", "seconds must not be zero: positive grants, negative takes back");
        }
        // without a key of the admin's own, one per click: the time service grants once per key
        String key = IdempotencyKey.fromHeader(idempotencyKey)
                .map(IdempotencyKey::value)
                .orElseGet(() -> "admin-" + UUID.randomUUID());
        Map<String, Object> request = Map.of("user_id", userId, "seconds", body.seconds(), "reason", body.reason());
        return runner.run(
                intent(
                        jwt,
                        body.seconds() > 0 ? "grant_time" : "revoke_time",
                        "user",
                        userId,
                        body.reason(),
                        "seconds=" + body.seconds() + " idempotency_key=" + key),
                List.of(() -> services.time()
                        .post("/time/admin/grants", request, jwt.getTokenValue(), Map.of(IdempotencyKey.HEADER, key))));
    }

    @ActionRefusals
    @Refusal(status = 404, code = "not_found", when = "no such purchase")
    @Refusal(
            status = 400,
            code = "refund_exceeds_remaining",
            when = "the time service's: more than the unrefunded amount")
    @Refusal(status = 409, code = "purchase_not_refundable", when = "the time service's: the purchase was never paid")
    @Refusal(status = 409, code = "already_refunded", when = "the time service's: the purchase is fully refunded")
    @PostMapping("/admin/purchases/{id}/refund")
    ActionResult refund(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody ActionRequests.Refund body) {
        records.purchase(id).orElseThrow(() -> ApiException.notFound("purchase " + id));
        Map<String, Object> request = new LinkedHashMap<>();
        if (body.amountCents() != null) {
            request.put("amount_cents", body.amountCents());
        }
        request.put("reason", body.reason());
        return runner.run(
                intent(
                        jwt,
                        "refund_purchase",
                        "purchase",
                        id,
                        body.reason(),
                        body.amountCents() == null ? "amount_cents=all" : "amount_cents=" + body.amountCents()),
                List.of(() -> services.time()
                        .post(
                                "/time/admin/purchases/" + segment(id) + "/refund",
                                request,
                                jwt.getTokenValue(),
                                Map.of())));
    }

    @ActionRefusals
    @SwitchesUser
    @PostMapping("/admin/users/{id}/disable")
    ActionResult disable(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody ActionRequests.Reason body) {
        return switchUser(jwt, id, "disable", body.reason());
    }

    @ActionRefusals
    @SwitchesUser
    @PostMapping("/admin/users/{id}/enable")
    ActionResult enable(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody ActionRequests.Reason body) {
        return switchUser(jwt, id, "enable", body.reason());
    }

    @ActionRefusals
    @Refusal(status = 404, code = "not_found", when = "no such session")
    @PostMapping("/admin/sessions/{id}/end")
    ActionResult endSession(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody ActionRequests.Reason body) {
        records.session(id).orElseThrow(() -> ApiException.notFound("session " + id));
        return runner.run(
                intent(jwt, "end_session", "session", id, body.reason(), null),
                List.of(() -> services.time()
                        .post(
                                "/time/admin/sessions/" + segment(id) + "/end",
                                Map.of("reason", body.reason()),
                                jwt.getTokenValue(),
                                Map.of())));
    }

    /** Disabling blocks both sign-in (auth) and sessions (time); enabling lifts both. */
    private ActionResult switchUser(Jwt jwt, String id, String verb, String reason) {
        String userId = existingUser(id);
        Map<String, Object> request = Map.of("reason", reason);
        return runner.run(
                intent(jwt, verb + "_user", "user", userId, reason, null),
                List.of(
                        () -> services.auth()
                                .post(
                                        "/auth/admin/users/" + userId + "/" + verb,
                                        request,
                                        jwt.getTokenValue(),
                                        Map.of()),
                        () -> services.time()
                                .post(
                                        "/time/admin/accounts/" + userId + "/" + verb,
                                        request,
                                        jwt.getTokenValue(),
                                        Map.of())));
    }

    private String existingUser(String id) {
        return users.find(UserIds.parse(id))
                .orElseThrow(() -> ApiException.notFound("user " + id))
                .id();
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    private static AuditLog.Intent intent(
            Jwt jwt, String action, String targetType, String targetId, String reason, String details) {
        return new AuditLog.Intent(Caller.of(jwt), action, targetType, targetId, reason, details);
    }
}
