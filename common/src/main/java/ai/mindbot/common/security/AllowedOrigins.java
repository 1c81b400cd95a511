package ai.mindbot.common.security;

import ai.mindbot.common.config.MisconfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The other origins whose pages may call this service from a browser: {@code CORS_ALLOWED_ORIGINS},
 * comma-separated ({@code https://app.example.com,https://partner.example.com}). None by default:
 * the web app and the admin panel are served from the origin they call, and browsers keep every
 * other site's pages out. There is no wildcard: each origin is named.
 */
public record AllowedOrigins(List<String> origins) {

    public static final String SETTING = "CORS_ALLOWED_ORIGINS";

    public AllowedOrigins {
        origins = List.copyOf(origins);
    }

    public static AllowedOrigins from(Environment environment) {
        return parse(environment.getProperty(SETTING, ""));
    }

    public static AllowedOrigins parse(String configured) {
        return new AllowedOrigins(Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(AllowedOrigins::origin)
                .toList());
    }

    /** What a browser may do from an allowed origin: call the API with a bearer token (no cookies). */
    CorsConfigurationSource configurationSource() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        return request -> cors;
    }

    /** {@code scheme://host[:port]} exactly, as browsers send it in {@code Origin}. */
    private static String origin(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
            throw invalid(value);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static MisconfigurationException invalid(String value) {
        return new MisconfigurationException(
                SETTING + " lists origins such as https://app.example.com (scheme, host and "
                        + "port only, no path, no wildcard); \"" + value + "\" is not one");
    }
}
