/**
 * HTTP for sign-ins and service credentials: {@code /auth/register}, {@code /auth/login} and
 * {@code /auth/password} (each opens a sign-in), {@code /auth/me} (with the caller's LiveKit
 * identity), {@code /auth/refresh}, {@code /auth/logout}, {@code /auth/service-token}. The account
 * endpoints live here, not in {@code account}, because they use sign-ins and LiveKit names, which
 * both build on accounts: {@code AuthModulesTest} keeps that one-way.
 */
package ai.mindbot.auth.token.web;
