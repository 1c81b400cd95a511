package ai.mindbot.time.session.web;

import ai.mindbot.common.security.Caller;
import ai.mindbot.time.session.EndReason;
import ai.mindbot.time.session.Requester;
import ai.mindbot.time.session.SessionMeter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /time/admin/sessions/{id}/end (role admin, see SecurityConfig): stops a live session, billing its exact use. */
@RestController
class AdminSessionController {

    record EndRequest(@NotBlank @Size(max = 500) String reason) {}

    private final SessionMeter meter;

    AdminSessionController(SessionMeter meter) {
        this.meter = meter;
    }

    @SessionRefusals
    @PostMapping("/time/admin/sessions/{id}/end")
    SessionResponses.Ended end(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody EndRequest body) {
        String admin = Caller.of(jwt).userId();
        return SessionResponses.Ended.of(meter.end(id, Requester.INTERNAL, EndReason.ADMIN, admin, body.reason()));
    }
}
