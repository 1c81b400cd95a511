package ai.mindbot.common.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * In production, every address the public is sent to must be encrypted: the app's own address
 * ({@code APP_URL}, where reset links point), LiveKit's ({@code LIVEKIT_URL}, which carries tokens and
 * voices), the origins allowed to call the API ({@code CORS_ALLOWED_ORIGINS}). Each service names the
 * settings it hands out in {@code mindbot.production.public-addresses} ({@code NAME}, or
 * {@code NAME:property} when the service reads the value through a property with a default); one
 * start-up error then names every address that is not {@code https://} or {@code wss://}.
 */
public final class PublicAddresses {

    public static final String SETTING = "mindbot.production.public-addresses";

    private PublicAddresses() {}

    public static void requireTlsInProduction(Environment environment) {
        if (!RuntimeMode.of(environment).isProduction()) {
            return;
        }
        List<String> plain = new ArrayList<>();
        for (String entry : environment.getProperty(SETTING, "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] nameAndProperty = entry.strip().split(":", 2);
            String name = nameAndProperty[0];
            String value = environment.getProperty(nameAndProperty.length > 1 ? nameAndProperty[1] : name, "");
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty() && !encrypted(v))
                    .forEach(v -> plain.add(name + "=" + v));
        }
        if (!plain.isEmpty()) {
            throw new MisconfigurationException("MINDBOT_ENV=production serves the public over TLS only, but "
                    + String.join(", ", plain) + (plain.size() == 1 ? " is" : " are")
                    + " not encrypted: use https:// (wss:// for LiveKit) addresses");
        }
    }

    private static boolean encrypted(String address) {
        try {
            String scheme = URI.create(address).getScheme();
            return scheme != null && List.of("https", "wss").contains(scheme.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
