package ai.mindbot.auth.token.web;

import ai.mindbot.auth.account.AccountService;
import ai.mindbot.auth.account.ActiveAccountRefusals;
import ai.mindbot.auth.account.AdminUsers;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.livekit.RoomNames;
import ai.mindbot.auth.ratelimit.ClientAddress;
import ai.mindbot.auth.token.SignInTokens;
import ai.mindbot.auth.token.SignIns;
import ai.mindbot.common.apidocs.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
class AccountController {

    private final AccountService accounts;
    private final SignIns signIns;
    private final AdminUsers admins;
    private final ClientAddress clientAddress;

    AccountController(AccountService accounts, SignIns signIns, AdminUsers admins, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.admins = admins;
        this.clientAddress = clientAddress;
    }

    @Refusal(status = 409, code = "email_taken", when = "an account with this email already exists")
    @Refusal(
            status = 429,
            code = "rate_limited",
            when = "too many requests from this address; Retry-After says when to ask again")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    SignInTokens register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        UserAccount account =
                accounts.register(body.email(), body.password(), body.fullName(), clientAddress.of(request));
        return signIns.open(account);
    }

    @Refusal(status = 401, code = "invalid_credentials", when = "email or password is incorrect")
    @Refusal(status = 403, code = "account_disabled", when = "the account has been disabled")
    @Refusal(status = 429, code = "rate_limited", when = "too many failed attempts for this account or address")
    @PostMapping("/login")
    SignInTokens login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return signIns.open(accounts.login(body.email(), body.password(), clientAddress.of(request)));
    }

    @ActiveAccountRefusals
    @GetMapping("/me")
    Profile me(@AuthenticationPrincipal Jwt jwt) {
        UserAccount account = accounts.activeAccount(jwt.getSubject());
        return Profile.of(account, admins.rolesOf(account), RoomNames.identityOf(account.id()));
    }

    /** Changes the password, ends every other sign-in, and hands this client a fresh one. */
    @ActiveAccountRefusals
    @Refusal(status = 403, code = "wrong_password", when = "the current password is incorrect")
    @Refusal(status = 429, code = "rate_limited", when = "too many wrong current passwords")
    @PostMapping("/password")
    SignInTokens changePassword(
            @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PasswordChangeRequest body,
            HttpServletRequest request) {
        UserAccount account = accounts.activeAccount(jwt.getSubject());
        accounts.changePassword(account, body.currentPassword(), body.newPassword(), clientAddress.of(request));
        signIns.closeAll(account.id());
        return signIns.open(account);
    }
}
