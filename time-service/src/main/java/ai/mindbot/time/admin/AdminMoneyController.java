package ai.mindbot.time.admin;

import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.web.IdempotencyKey;
import ai.mindbot.time.balance.AccountStanding;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.DuplicateCauseException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /time/admin/...}: role admin only (see SecurityConfig). The actor is the admin's {@code sub}. */
@RestController
class AdminMoneyController {

    private final AdminGrants grants;
    private final AdminRefunds refunds;
    private final AccountStanding standing;
    private final Accounts accounts;
    private final UserDirectory users;

    AdminMoneyController(
            AdminGrants grants,
            AdminRefunds refunds,
            AccountStanding standing,
            Accounts accounts,
            UserDirectory users) {
        this.grants = grants;
        this.refunds = refunds;
        this.standing = standing;
        this.accounts = accounts;
        this.users = users;
    }

    @KnownUserRefusals
    @Refusal(
            status = 400,
            code = "invalid_idempotency_key",
            when = "Idempotency-Key is not 1-255 visible ASCII characters")
    @Refusal(
            status = 409,
            code = "revoke_exceeds_available",
            when = "a negative grant takes back more than is available")
    @Refusal(status = 422, code = "idempotency_key_reused", when = "the Idempotency-Key was used for a different grant")
    @PostMapping("/time/admin/grants")
    AdminGrants.Granted grant(
            @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody AdminRequests.Grant request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        String key = IdempotencyKey.fromHeader(idempotencyKey)
                .map(IdempotencyKey::value)
                .orElse(null);
        users.requireExisting(request.userId(), jwt.getTokenValue());
        try {
            return grants.grant(jwt.getSubject(), request.userId(), request.seconds(), request.reason(), key);
        } catch (DuplicateCauseException raced) { // the same key posted in parallel: answer what it posted
            return grants.grant(jwt.getSubject(), request.userId(), request.seconds(), request.reason(), key);
        }
    }

    @Refusal(status = 400, code = "refund_exceeds_remaining", when = "more than the purchase's unrefunded amount")
    @Refusal(status = 404, code = "not_found", when = "no such purchase")
    @Refusal(status = 409, code = "purchase_not_refundable", when = "the purchase was never paid")
    @Refusal(status = 409, code = "already_refunded", when = "the purchase is fully refunded")
    @Refusal(status = 503, code = "payments_unavailable", when = "the payment provider cannot be reached; retry")
    @PostMapping("/time/admin/purchases/{purchaseId}/refund")
    AdminRefunds.Refunded refund(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String purchaseId,
            @Valid @RequestBody AdminRequests.Refund request) {
        return refunds.refund(jwt.getSubject(), purchaseId, request.amountCents(), request.reason());
    }

    @KnownUserRefusals
    @PostMapping("/time/admin/accounts/{userId}/disable")
    AccountStanding.Standing disable(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String userId,
            @Valid @RequestBody AdminRequests.Reason request) {
        users.requireExisting(userId, jwt.getTokenValue());
        accounts.setDisabled(userId, true, request.reason());
        return standing.of(userId);
    }

    @KnownUserRefusals
    @PostMapping("/time/admin/accounts/{userId}/enable")
    AccountStanding.Standing enable(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String userId,
            @Valid @RequestBody AdminRequests.Reason request) {
        users.requireExisting(userId, jwt.getTokenValue());
        accounts.setDisabled(userId, false, request.reason());
        return standing.of(userId);
    }

    @GetMapping("/time/admin/accounts/{userId}")
    AccountStanding.Standing account(@PathVariable String userId) {
        return standing.of(userId);
    }
}
