package ai.mindbot.time.livekit;

import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.time.livekit.LiveKitConfig.LiveKitWebhooks;
import ai.mindbot.time.session.EndReason;
import ai.mindbot.time.session.SessionMeter;
import com.google.protobuf.InvalidProtocolBufferException;
import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /webhooks/livekit (public; the signature is the authentication). LiveKit signs the exact
 * body: a JWT in {@code Authorization} (no "Bearer"), issued by the API key, whose {@code sha256}
 * claim is the body's digest. Repeats are harmless: ending an ended session does nothing.
 */
@RestController
class LiveKitWebhookController {

    private static final Logger log = LoggerFactory.getLogger(LiveKitWebhookController.class);

    private final LiveKitWebhooks webhooks;
    private final SessionMeter meter;

    LiveKitWebhookController(LiveKitWebhooks webhooks, SessionMeter meter) {
        this.webhooks = webhooks;
        this.meter = meter;
    }

    record Handled(String event, int endedSessions) {}

    @Refusal(status = 400, code = "malformed_body", when = "the body is not a LiveKit WebhookEvent")
    @Refusal(
            status = 401,
            code = "invalid_signature",
            when = "Authorization does not sign this body with our LiveKit key")
    @Refusal(
            status = 503,
            code = "livekit_not_configured",
            when = "in production (MINDBOT_ENV=production), LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set")
    @PostMapping(path = "/webhooks/livekit", consumes = MediaType.ALL_VALUE)
    Handled receive(
            @RequestBody(required = false) String body,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        WebhookEvent event = verified(body == null ? "" : body, authorization);
        String room = event.getRoom().getName();
        int ended = switch (event.getEvent()) {
            case "participant_left", "participant_connection_aborted" -> {
                String identity = event.getParticipant().getIdentity();
                yield meter.endParticipant(
                        room, identity, LiveKitIdentity.userIdOf(identity).orElse(null), EndReason.PARTICIPANT_LEFT);
            }
            case "room_finished" -> meter.endRoom(room, EndReason.ROOM_FINISHED);
            default -> 0; // other events do not touch billing
        };
        if (ended > 0) {
            log.info("LiveKit {} in room {} ended {} session(s)", event.getEvent(), room, ended);
        }
        return new Handled(event.getEvent(), ended);
    }

    private WebhookEvent verified(String body, String authorization) {
        if (webhooks.receiver() == null) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "livekit_not_configured",
                    "LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not set on the time service");
        }
        try {
            return webhooks.receiver().receive(body, authorization);
        } catch (Exception e) {
            if (e instanceof InvalidProtocolBufferException) {
                throw ApiException.badRequest("malformed_body", "the webhook body is not a LiveKit WebhookEvent");
            }
            // JWT errors, a wrong issuer, a body whose digest does not match: all the same to a caller
            throw new ApiException(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_signature",
                    "the webhook's Authorization does not sign this body with our LiveKit key");
        }
    }
}
