package ai.mindbot.auth.app;

import ai.mindbot.auth.livekit.LiveKitSettings;
import java.net.URI;

/**
 * The page may load only its own files, and talk only to its own origin and the LiveKit server
 * (signalling over ws(s), and the http(s) validation request livekit-client makes when a join
 * fails). In Stripe mode Stripe's rules add js.stripe.com for the script and its frames,
 * hooks.stripe.com for 3-D Secure frames and api.stripe.com for its calls; in simulated mode none of
 * them, so the browser itself refuses anything from Stripe.
 */
public final class AppContentSecurityPolicy {

    private AppContentSecurityPolicy() {}

    public static String of(LiveKitSettings liveKit, AppSettings app) {
        URI signal = URI.create(liveKit.url());
        String host = signal.getHost() + (signal.getPort() == -1 ? "" : ":" + signal.getPort());
        boolean secure = "wss".equals(signal.getScheme()) || "https".equals(signal.getScheme());
        String liveKitSources = (secure ? "wss://" : "ws://") + host + " " + (secure ? "https://" : "http://") + host;
        String stripeScript = app.stripe() ? " https://js.stripe.com" : "";
        String stripeFrames = app.stripe() ? "https://js.stripe.com https://hooks.stripe.com" : "'none'";
        String stripeConnect = app.stripe() ? " https://api.stripe.com" : "";
        return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'" + stripeScript
                + "; connect-src 'self' " + liveKitSources + stripeConnect
                + "; media-src 'self' blob: mediastream:; frame-src " + stripeFrames
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
