package ai.mindbot.agent.mindbot.console;

import ai.mindbot.agent.mindbot.caller.Caller;
import ai.mindbot.agent.mindbot.services.Endpoints;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import ai.mindbot.agent.mindbot.services.ServiceRefusedException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;

/**
 * Who the console talks to: a user proven by their password ({@code POST /auth/login}, then
 * {@code GET /auth/me} for the id and name the time service bills), or a guest.
 */
final class ConsoleSignIn {

    private ConsoleSignIn() {}

    static Caller user(JsonHttp http, URI authServiceUrl, String email, char[] password) {
        String secret = new String(password);
        Arrays.fill(password, '\0');
        JsonNode session;
        try {
            session = http.post(
                            Endpoints.under(authServiceUrl, "/auth/login"),
                            null,
                            Json.object().put("email", email).put("password", secret))
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ServiceRefusedException refused) {
                throw new IllegalArgumentException("sign-in refused: " + refused.code());
            }
            throw new IllegalStateException("the auth service cannot be reached at " + authServiceUrl, e.getCause());
        }
        JsonNode me = http.get(
                        Endpoints.under(authServiceUrl, "/auth/me"),
                        session.path("access_token").asString())
                .join();
        String id = me.path("id").asString();
        String name = me.path("full_name").asString("");
        return new Caller(
                Caller.Kind.USER,
                "user-" + id,
                id,
                name.isBlank() ? "" : name.strip().split("\\s+")[0],
                me.path("email").asString(email));
    }

    static Caller guest() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return new Caller(Caller.Kind.GUEST, "guest-" + HexFormat.of().formatHex(random), null, "", "");
    }
}
