package ai.mindbot.time.payment.web;

import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.BodySizeLimitFilter;
import ai.mindbot.time.payment.StripeEvent;
import ai.mindbot.time.payment.StripeEventHandler;
import ai.mindbot.time.payment.WebhookSecret;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: public, authenticated by {@code Stripe-Signature} over the raw body
 * (stripe-java's {@link Webhook#constructEvent}, 300 s tolerance). Answers 2xx once the event is
 * applied or known; a bad signature is a 400 problem; a failure while applying is a 5xx, so Stripe
 * delivers it again.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final WebhookSecret secret;
    private final StripeEventHandler handler;
    private final Clock clock;

    StripeWebhookController(WebhookSecret secret, StripeEventHandler handler, Clock clock) {
        this.secret = secret;
        this.handler = handler;
        this.clock = clock;
    }

    @RequestBody(
            description = "a Stripe event, exactly as Stripe signed it",
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @Refusal(status = 400, code = "invalid_signature", when = "Stripe-Signature is missing or does not verify")
    @Refusal(status = 400, code = "malformed_body", when = "the signed body is not a Stripe event")
    @Refusal(status = 413, code = "body_too_large", when = "the body is over the size limit")
    @PostMapping(path = "/webhooks/stripe")
    Map<String, Object> receive(
            HttpServletRequest request, @RequestHeader(name = "Stripe-Signature", required = false) String signature)
            throws IOException {
        // The raw bytes, read here rather than through a message converter: whatever the content
        // type, the signature is over exactly what was sent.
        String payload;
        try {
            payload = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (BodySizeLimitFilter.BodyTooLargeException e) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", e.getMessage());
        }
        if (payload.isEmpty() || signature == null) {
            throw invalidSignature("a Stripe-Signature header and a body are required");
        }
        StripeEvent event;
        try {
            Webhook.constructEvent(payload, signature, secret.value(), Webhook.DEFAULT_TOLERANCE, clock);
            event = StripeEvent.parse(payload);
        } catch (SignatureVerificationException e) {
            log.warn("stripe webhook refused: {}", e.getMessage());
            throw invalidSignature("the Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException notAnEvent) { // signed, but not JSON Stripe would send
            throw ApiException.badRequest("malformed_body", "the body is not a Stripe event");
        }
        if (event.id().isBlank() || event.type().isBlank()) {
            throw ApiException.badRequest("malformed_body", "the event has no id or type");
        }
        StripeEventHandler.Handled handled = handler.handle(event);
        log.info(
                "stripe webhook {} {}: {}{}",
                event.type(),
                event.id(),
                handled.outcome(),
                handled.purchaseId() == null ? "" : " (purchase " + handled.purchaseId() + ")");
        return handled.purchaseId() == null
                ? Map.of("received", true, "outcome", handled.outcome())
                : Map.of("received", true, "outcome", handled.outcome(), "purchase_id", handled.purchaseId());
    }

    private static ApiException invalidSignature(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_signature", detail);
    }
}
