package ai.mindbot.time.payment.web;

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

import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.IdempotencyKey;
import ai.mindbot.time.payment.PurchaseService;
import jakarta.validation.Valid;

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

    @PostMapping("/time/purchase")
    ResponseEntity<String> purchase(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PurchaseRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        PurchaseService.Result result = purchases.purchase(Caller.of(jwt), request.packageId(),
                request.paymentMethodId(), IdempotencyKey.fromHeader(idempotencyKey).map(IdempotencyKey::value).orElse(null));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore());
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(result.json());
    }

    @GetMapping("/time/purchases/{purchaseId}")
    ResponseEntity<String> purchase(@AuthenticationPrincipal Jwt jwt, @PathVariable String purchaseId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(purchases.current(Caller.of(jwt), purchaseId));
    }
}
