/** {@code POST /auth/password/reset-request} and {@code POST /auth/password/reset}, both public. */
package ai.mindbot.auth.reset.web;
