/** HTTP for sign-ins and service credentials: {@code /auth/refresh}, {@code /auth/logout}, {@code /auth/service-token}. */
package ai.mindbot.auth.token.web;
