package ai.mindbot.common.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressesTest {

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("MINDBOT_ENV", "production")
                .withProperty(PublicAddresses.SETTING, "APP_URL:app.url,LIVEKIT_URL,CORS_ALLOWED_ORIGINS")
                .withProperty("app.url", "https://app.example.com")
                .withProperty("LIVEKIT_URL", "wss://livekit.example.com")
                .withProperty("CORS_ALLOWED_ORIGINS", "https://partner.example.com");
    }

    @Test
    void productionAcceptsHttpsAndWss() {
        assertThatCode(() -> PublicAddresses.requireTlsInProduction(production()))
                .doesNotThrowAnyException();
    }

    @Test
    void productionRefusesEveryUnencryptedAddressInOneMessage() {
        MockEnvironment environment = production()
                .withProperty("app.url", "http://app.example.com")
                .withProperty("LIVEKIT_URL", "ws://livekit.example.com:7880")
                .withProperty("CORS_ALLOWED_ORIGINS", "https://partner.example.com, http://old.example.com");

        assertThatThrownBy(() -> PublicAddresses.requireTlsInProduction(environment))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessage(
                        "MINDBOT_ENV=production serves the public over TLS only, but APP_URL=http://app.example.com, "
                                + "LIVEKIT_URL=ws://livekit.example.com:7880, CORS_ALLOWED_ORIGINS=http://old.example.com are not "
                                + "encrypted: use https:// (wss:// for LiveKit) addresses");
    }

    @Test
    void aSettingLeftEmptyIsNotAnAddress() {
        assertThatCode(() ->
                        PublicAddresses.requireTlsInProduction(production().withProperty("CORS_ALLOWED_ORIGINS", "")))
                .doesNotThrowAnyException();
    }

    @Test
    void developmentAllowsPlainAddresses() {
        MockEnvironment environment = production()
                .withProperty("MINDBOT_ENV", "development")
                .withProperty("LIVEKIT_URL", "ws://localhost:7880");
        assertThatCode(() -> PublicAddresses.requireTlsInProduction(environment))
                .doesNotThrowAnyException();
    }
}
