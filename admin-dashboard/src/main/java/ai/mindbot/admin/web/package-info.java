/**
 * The web admin panel's server side: sign-in through the auth service, and the shared web
 * rules. The panel itself is static HTML/CSS/JS under {@code resources/static}.
 */
package ai.mindbot.admin.web;
