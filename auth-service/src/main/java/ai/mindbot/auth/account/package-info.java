/**
 * Accounts: registration with normalized unique emails, password hashing and checking (Argon2id
 * through Spring Security's delegating encoder), password change, the admin role from
 * {@code ADMIN_USERS}, and disabling. Its HTTP endpoints open sign-ins, so they are in {@code token.web}.
 */
package ai.mindbot.auth.account;
