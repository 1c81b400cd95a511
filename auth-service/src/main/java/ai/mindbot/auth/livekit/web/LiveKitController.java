package ai.mindbot.auth.livekit.web;

import ai.mindbot.auth.account.AccountService;
import ai.mindbot.auth.account.ActiveAccountRefusals;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.livekit.LiveKitTokens;
import ai.mindbot.auth.livekit.RoomNames;
import ai.mindbot.auth.livekit.RoomToken;
import ai.mindbot.auth.ratelimit.AttemptLimiter;
import ai.mindbot.auth.ratelimit.Bucket;
import ai.mindbot.auth.ratelimit.ClientAddress;
import ai.mindbot.common.apidocs.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
class LiveKitController {

    private static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    private final LiveKitTokens tokens;
    private final AccountService accounts;
    private final AttemptLimiter limiter;
    private final ClientAddress clientAddress;

    LiveKitController(
            LiveKitTokens tokens, AccountService accounts, AttemptLimiter limiter, ClientAddress clientAddress) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.limiter = limiter;
        this.clientAddress = clientAddress;
    }

    /** {@code participant_name} defaults to the account's full name. */
    record RoomTokenRequest(
            @NotBlank
            @Size(max = RoomNames.MAX_LENGTH)
            @Pattern(
                    regexp = RoomNames.PATTERN,
                    message = "may hold letters, digits, '_', '.', '-' and must start with a letter or digit")
            String roomName,

            @Size(min = 1, max = 100) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters")
            String participantName) {}

    record GuestRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = NO_CONTROL, message = "must not contain control characters")
            String participantName) {}

    /** The seed's {@code POST /auth/token}: a token for one room under the user's stable identity. */
    @ActiveAccountRefusals
    @Refusal(status = 403, code = "room_reserved", when = "the room is another user's personal room or a guest room")
    @PostMapping("/token")
    RoomToken roomToken(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody RoomTokenRequest body) {
        UserAccount account = accounts.activeAccount(jwt.getSubject());
        String name = body.participantName() == null ? account.fullName() : body.participantName();
        return tokens.forUser(account, body.roomName(), name);
    }

    /** A guest's token for a fresh room of its own; limited per address, since guests cost agent time unmetered. */
    @Refusal(
            status = 429,
            code = "rate_limited",
            when = "too many requests from this address; Retry-After says when to ask again")
    @PostMapping("/guest")
    RoomToken guest(@Valid @RequestBody(required = false) GuestRequest body, HttpServletRequest request) {
        limiter.reserve(Bucket.GUEST_ADDRESS.key(clientAddress.of(request)));
        String name = body == null || body.participantName() == null ? "Guest" : body.participantName();
        return tokens.forGuest(name);
    }
}
