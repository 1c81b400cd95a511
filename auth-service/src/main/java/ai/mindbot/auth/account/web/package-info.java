/** HTTP for accounts: {@code /auth/register}, {@code /auth/login}, {@code /auth/me}, {@code /auth/password}. */
package ai.mindbot.auth.account.web;
