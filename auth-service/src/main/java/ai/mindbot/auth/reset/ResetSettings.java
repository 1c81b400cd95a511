package ai.mindbot.auth.reset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code RESET_TOKEN_TTL_SECONDS} (default an hour) and {@code APP_URL}, the address the mailed link opens. */
@ConfigurationProperties("mindbot.auth.reset")
record ResetSettings(Duration tokenTtl, String appUrl) {

    public ResetSettings {
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("mindbot.auth.reset.token-ttl must be a positive duration");
        }
        if (appUrl == null || !appUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException("APP_URL must be an http(s) URL, got " + appUrl);
        }
        appUrl = appUrl.replaceAll("/+$", "");
    }

    /** The token travels in the fragment, which browsers never send to a server or in a Referer. */
    String linkFor(String token) {
        return appUrl + "/#/reset/" + token;
    }
}
