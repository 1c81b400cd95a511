/**
 * Accounts: registration with normalized unique emails, password hashing and checking (Argon2id
 * through Spring Security's delegating encoder), password change, the admin role from
 * {@code ADMIN_USERS}, and disabling. The HTTP side is in {@code account.web}.
 */
package ai.mindbot.auth.account;
