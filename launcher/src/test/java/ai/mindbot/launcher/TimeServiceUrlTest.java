package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeServiceUrlTest {

    @Test
    void pointsAuthAtTheTimeServicesRealPortWhenNothingIsConfigured() {
        String[] args = Mindbot.withTimeServiceUrl(new String[] {"--AUTH_PORT=0"}, Map.of(), 41234);
        assertThat(args).containsExactly("--AUTH_PORT=0", "--TIME_SERVICE_URL=http://localhost:41234");
    }

    @Test
    void leavesAConfiguredTimeServiceUrlAlone() {
        assertThat(Mindbot.withTimeServiceUrl(new String[] {}, Map.of("TIME_SERVICE_URL", "http://time:8001"), 8001))
                .isEmpty();
        String[] given = {"--TIME_SERVICE_URL=http://elsewhere:9"};
        assertThat(Mindbot.withTimeServiceUrl(given, Map.of(), 8001)).containsExactly(given);
    }
}
