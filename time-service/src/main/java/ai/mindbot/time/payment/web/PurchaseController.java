package ai.mindbot.time.payment.web;

import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.IdempotencyKey;
import ai.mindbot.time.payment.PurchaseAnswer;
import ai.mindbot.time.payment.PurchaseService;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /time/purchase}: buy a time card. With an {@code Idempotency-Key} header a retry
 * replays the first answer (marked {@code Idempotent-Replayed: true}) instead of charging again.
 * {@code GET /time/purchases/{id}}: the buyer's own purchase as it stands now. Both answers may hold
 * the PaymentIntent's client secret, so no cache may keep them.
 */
@RestController
class PurchaseController {

    private final PurchaseService purchases;

    PurchaseController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @ApiResponse(
            responseCode = "200",
            description = "the purchase as it stands (replayed for a repeated Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PurchaseAnswer.class)))
    @Refusal(
            status = 400,
            code = "invalid_idempotency_key",
            when = "Idempotency-Key is not 1-255 visible ASCII characters")
    @Refusal(status = 400, code = "invalid_payment_method", when = "the payment method is not usable")
    @Refusal(status = 402, code = "payment_declined", when = "the card was declined")
    @Refusal(status = 403, code = "account_disabled", when = "the account is disabled")
    @Refusal(status = 404, code = "unknown_package", when = "no time package has this id; see GET /time/pricing")
    @Refusal(
            status = 409,
            code = "purchase_in_progress",
            when = "the same Idempotency-Key is still being processed; retry shortly")
    @Refusal(status = 409, code = "not_charged", when = "the purchase under this key failed without charging")
    @Refusal(
            status = 422,
            code = "idempotency_key_reused",
            when = "the Idempotency-Key was used for a different purchase")
    @Refusal(status = 503, code = "payments_unavailable", when = "the payment provider cannot be reached; retry")
    @PostMapping("/time/purchase")
    ResponseEntity<String> purchase(
            @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PurchaseRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        PurchaseService.Result result = purchases.purchase(
                Caller.of(jwt),
                request.packageId(),
                request.paymentMethodId(),
                IdempotencyKey.fromHeader(idempotencyKey)
                        .map(IdempotencyKey::value)
                        .orElse(null));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore());
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(result.json());
    }

    @ApiResponse(
            responseCode = "200",
            description = "the buyer's own purchase",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PurchaseAnswer.class)))
    @Refusal(status = 404, code = "not_found", when = "no such purchase, or not the caller's")
    @GetMapping("/time/purchases/{purchaseId}")
    ResponseEntity<String> purchase(@AuthenticationPrincipal Jwt jwt, @PathVariable String purchaseId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(purchases.current(Caller.of(jwt), purchaseId));
    }
}
