package ai.mindbot.auth.app;

import ai.mindbot.auth.livekit.LiveKitSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /app/config}: what the page must know before it can show checkout and the call. Public. */
@RestController
class AppConfigController {

    private final AppSettings app;
    private final LiveKitSettings liveKit;

    AppConfigController(AppSettings app, LiveKitSettings liveKit) {
        this.app = app;
        this.liveKit = liveKit;
    }

    /** {@code payments}: "stripe" or "simulated"; the publishable key is public by design. */
    record AppConfig(String payments, String stripePublishableKey, String livekitUrl, int guestCallSeconds) {}

    @GetMapping("/app/config")
    ResponseEntity<AppConfig> config() {
        AppConfig config = new AppConfig(
                app.stripe() ? "stripe" : "simulated",
                app.stripe() ? app.stripePublishableKey() : null,
                liveKit.url(),
                app.guestCallSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }
}
