package ai.mindbot.common.apidocs;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where the API document is served, for each service's SecurityConfig to let everyone read it:
 * {@code /v3/api-docs} always, Swagger UI only while it is enabled (development).
 */
public final class ApiDocuments {

    private final boolean swaggerUi;

    ApiDocuments(boolean swaggerUi) {
        this.swaggerUi = swaggerUi;
    }

    public boolean swaggerUi() {
        return swaggerUi;
    }

    /** GET only: the document and, in development, the Swagger UI pages. */
    public RequestMatcher publicPaths() {
        RequestMatcher document = new OrRequestMatcher(
                pathPattern(HttpMethod.GET, "/v3/api-docs"), pathPattern(HttpMethod.GET, "/v3/api-docs/**"));
        if (!swaggerUi) {
            return document;
        }
        return new OrRequestMatcher(
                document,
                pathPattern(HttpMethod.GET, "/swagger-ui.html"),
                pathPattern(HttpMethod.GET, "/swagger-ui/**"));
    }
}
