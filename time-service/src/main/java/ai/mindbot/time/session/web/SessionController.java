package ai.mindbot.time.session.web;

import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.time.session.EndReason;
import ai.mindbot.time.session.Requester;
import ai.mindbot.time.session.SessionMeter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * /time/sessions. A user reaches only their own sessions (anyone else's answers 404, as if it did
 * not exist); the agent's service token reaches every session and starts them for a named user.
 */
@RestController
@Validated
@RequestMapping("/time/sessions")
class SessionController {

    private final SessionMeter meter;

    SessionController(SessionMeter meter) {
        this.meter = meter;
    }

    @Refusal(status = 400, code = "user_id_required", when = "the agent must name the user the session is for")
    @Refusal(status = 402, code = "insufficient_balance", when = "less than the minimum to start is available")
    @Refusal(status = 403, code = "forbidden", when = "only the agent starts sessions for another user")
    @Refusal(status = 403, code = "account_disabled", when = "the account is disabled")
    @Refusal(status = 503, code = "busy", when = "the account is changing under heavy concurrency; retry")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponses.Started start(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody StartSessionRequest body) {
        Caller caller = Caller.of(jwt);
        String userId;
        String email;
        if (caller.is(Caller.ROLE_AGENT)) {
            if (body.userId() == null) {
                throw ApiException.badRequest("user_id_required", "the agent must name the user the session is for");
            }
            userId = body.userId();
            email = body.email();
        } else {
            if (body.userId() != null && !body.userId().equals(caller.userId())) {
                throw new ApiException(
                        HttpStatus.FORBIDDEN, "forbidden", "only the agent starts sessions for another user");
            }
            userId = caller.userId();
            email = caller.email();
        }
        return SessionResponses.Started.of(meter.start(
                new SessionMeter.Start(userId, caller.userId(), body.roomName(), body.participantIdentity(), email)));
    }

    @SessionRefusals
    @PostMapping("/{id}/heartbeat")
    SessionResponses.Heartbeat heartbeat(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return SessionResponses.Heartbeat.of(meter.heartbeat(id, requester(jwt)));
    }

    @SessionRefusals
    @PostMapping("/{id}/end")
    SessionResponses.Ended end(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return SessionResponses.Ended.of(
                meter.end(id, requester(jwt), EndReason.CLIENT, Caller.of(jwt).userId(), null));
    }

    @Refusal(status = 400, code = "invalid_parameter", when = "limit is not 1-100, or offset is negative")
    @GetMapping
    SessionResponses.Page list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset) {
        String userId = Caller.of(jwt).userId();
        return new SessionResponses.Page(
                meter.sessionsOf(userId, limit, offset).stream()
                        .map(SessionView::of)
                        .toList(),
                meter.countOf(userId),
                limit,
                offset);
    }

    @Refusal(status = 404, code = "not_found", when = "no such session, or not the caller's")
    @GetMapping("/{id}")
    SessionView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return SessionView.of(meter.get(id, requester(jwt)));
    }

    private static Requester requester(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return new Requester(caller.userId(), caller.is(Caller.ROLE_AGENT));
    }
}
