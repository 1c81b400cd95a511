package ai.mindbot.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    @Test
    void noneByDefault() {
        assertThat(AllowedOrigins.parse("").origins()).isEmpty();
    }

    @Test
    void readsOriginsAsBrowsersSendThem() {
        assertThat(AllowedOrigins.parse(" https://App.Example.com , http://localhost:5173")
                        .origins())
                .containsExactly("https://app.example.com", "http://localhost:5173");
    }

    @Test
    void refusesWildcardsPathsAndOtherSchemes() {
        for (String bad : new String[] {
            "*",
            "https://app.example.com/",
            "https://app.example.com/app",
            "ftp://app.example.com",
            "app.example.com",
            "https://*.example.com"
        }) {
            assertThatThrownBy(() -> AllowedOrigins.parse(bad))
                    .as(bad)
                    .isInstanceOf(MisconfigurationException.class)
                    .hasMessageContaining("CORS_ALLOWED_ORIGINS");
        }
    }
}
