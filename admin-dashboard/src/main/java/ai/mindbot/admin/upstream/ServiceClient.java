package ai.mindbot.admin.upstream;

import ai.mindbot.common.web.RequestIdFilter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one MindBot service (auth or time), through Spring's RestClient. Never throws
 * for an answer: every status comes back as an {@link UpstreamAnswer} so the caller can audit it;
 * a service that cannot be reached answers status 0.
 */
public class ServiceClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

    private final String name;
    private final RestClient rest;
    private final JsonMapper json;

    ServiceClient(String name, String baseUrl, Duration timeout, JsonMapper json) {
        this.name = name;
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.rest =
                RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }

    public String name() {
        return name;
    }

    public UpstreamAnswer post(String path, Object body, String bearer, Map<String, String> headers) {
        try {
            return rest.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (bearer != null) {
                            h.setBearerAuth(bearer);
                        }
                        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
                        if (requestId != null) {
                            h.set(RequestIdFilter.HEADER, requestId);
                        }
                        headers.forEach(h::set);
                    })
                    .body(json.writeValueAsString(body))
                    .exchange((request, response) -> {
                        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        return new UpstreamAnswer(name, response.getStatusCode().value(), parse(text));
                    });
        } catch (RuntimeException e) {
            log.warn("{} service unreachable for POST {}: {}", name, path, e.getMessage());
            return new UpstreamAnswer(name, 0, null);
        }
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException notJson) {
            return json.getNodeFactory().stringNode(text.length() > 500 ? text.substring(0, 500) : text);
        }
    }
}
