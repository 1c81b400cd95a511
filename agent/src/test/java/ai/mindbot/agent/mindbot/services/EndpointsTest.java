package ai.mindbot.agent.mindbot.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void keepsThePathOfABaseBehindAProxy() {
        assertThat(Endpoints.under(URI.create("https://mindbot.example/api/"), "/time/pricing"))
                .hasToString("https://mindbot.example/api/time/pricing");
        assertThat(Endpoints.under(URI.create("http://localhost:8001"), "/time/sessions/vs_1/end"))
                .hasToString("http://localhost:8001/time/sessions/vs_1/end");
    }
}
