package ai.mindbot.common.apidocs;

import ai.mindbot.common.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call an endpoint, found by asking the service's own security rules rather than
 * restating them: nobody needs a token (public), any valid token will do, or only tokens with
 * one of {@code roles}. The document's security and 401/403 answers are derived from this, so
 * they cannot drift from SecurityConfig.
 */
record EndpointAccess(boolean needsToken, List<String> roles) {

    static final EndpointAccess PUBLIC = new EndpointAccess(false, List.of());
    static final EndpointAccess ANY_TOKEN = new EndpointAccess(true, List.of());
    private static final List<String> KNOWN_ROLES = List.of(Caller.ROLE_USER, Caller.ROLE_AGENT, Caller.ROLE_ADMIN);

    boolean needsRole() {
        return !roles.isEmpty();
    }

    static EndpointAccess of(List<SecurityFilterChain> chains, String method, String path) {
        HttpServletRequest request = ProbeRequest.of(method, path);
        AuthorizationManager<HttpServletRequest> rules = chains.stream()
                .filter(c -> c.matches(request))
                .findFirst()
                .flatMap(c -> c.getFilters().stream()
                        .filter(AuthorizationFilter.class::isInstance)
                        .findFirst())
                .map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
                .orElse(null);
        if (rules == null || granted(rules, request, anonymous())) {
            return PUBLIC;
        }
        if (granted(rules, request, withRoles())) {
            return ANY_TOKEN;
        }
        List<String> roles = KNOWN_ROLES.stream()
                .filter(role -> granted(rules, request, withRoles(role)))
                .toList();
        return new EndpointAccess(true, roles);
    }

    private static boolean granted(
            AuthorizationManager<HttpServletRequest> rules, HttpServletRequest request, Supplier<Authentication> who) {
        AuthorizationResult result = rules.authorize(who, request);
        return result != null && result.isGranted();
    }

    private static Supplier<Authentication> anonymous() {
        return () -> new AnonymousAuthenticationToken(
                "probe", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    private static Supplier<Authentication> withRoles(String... roles) {
        return () -> UsernamePasswordAuthenticationToken.authenticated(
                "probe",
                null,
                AuthorityUtils.createAuthorityList(
                        Arrays.stream(roles).map(r -> "ROLE_" + r).toList()));
    }

    /** A concrete path for a templated one ({@code /users/{id}} → {@code /users/1}), for the matchers. */
    static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "1");
    }
}
