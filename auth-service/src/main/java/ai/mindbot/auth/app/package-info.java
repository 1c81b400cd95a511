/**
 * The MindBot web app's server side: its static files (classpath {@code /webapp/}, with
 * {@code livekit-client} unpacked into {@code /vendor/} at build time), the few settings the page
 * needs ({@code GET /app/config}), and the Content-Security-Policy that lets it reach LiveKit and,
 * in Stripe mode only, Stripe.
 */
package ai.mindbot.auth.app;
