/**
 * The time API on the auth service's origin: {@code /time/**} on :8000 is passed to the time service
 * ({@code TIME_SERVICE_URL}) unchanged, so the web app served here calls one origin and browsers need
 * no CORS. On only when {@code TIME_SERVICE_URL} is set (the launcher sets it); behind nginx the proxy
 * routes {@code /time/} itself and this stays off.
 */
package ai.mindbot.auth.passthrough;
