package ai.mindbot.auth.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.auth.livekit.LiveKitSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AppContentSecurityPolicyTest {

    static final AppSettings SIMULATED = new AppSettings("", 120);
    static final AppSettings STRIPE = new AppSettings("pk_test_abc", 120);

    static LiveKitSettings liveKit(String url) {
        return new LiveKitSettings(url, "key", "secret", Duration.ofHours(1));
    }

    @Test
    void letsThePageReachItsLiveKitServerOverWebSocketAndHttp() {
        String csp = AppContentSecurityPolicy.of(liveKit("wss://mindbot.livekit.cloud"), SIMULATED);
        assertThat(csp).contains("connect-src 'self' wss://mindbot.livekit.cloud https://mindbot.livekit.cloud;");

        String dev = AppContentSecurityPolicy.of(liveKit("ws://localhost:7880"), SIMULATED);
        assertThat(dev).contains("connect-src 'self' ws://localhost:7880 http://localhost:7880;");
    }

    @Test
    void admitsStripeOnlyInStripeMode() {
        String simulated = AppContentSecurityPolicy.of(liveKit("ws://localhost:7880"), SIMULATED);
        assertThat(simulated)
                .doesNotContain("stripe")
                .contains("script-src 'self';")
                .contains("frame-src 'none';");

        String stripe = AppContentSecurityPolicy.of(liveKit("ws://localhost:7880"), STRIPE);
        assertThat(stripe)
                .contains("script-src 'self' https://js.stripe.com;")
                .contains("frame-src https://js.stripe.com https://hooks.stripe.com;")
                .contains("https://api.stripe.com");
    }

    @Test
    void neverAllowsInlineScriptsOrFraming() {
        String csp = AppContentSecurityPolicy.of(liveKit("ws://localhost:7880"), STRIPE);
        assertThat(csp)
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void refusesASecretKeyWhereThePublishableKeyGoes() {
        assertThatThrownBy(() -> new AppSettings("sk_live_oops", 120))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never a secret key");
        assertThat(STRIPE.stripe()).isTrue();
        assertThat(SIMULATED.stripe()).isFalse();
    }
}
