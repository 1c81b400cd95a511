/**
 * Password reset by email: single-use, hashed, expiring tokens ({@code password_reset_tokens}), the
 * link mailed by SMTP when configured (logged in development otherwise), and a reset that ends every
 * sign-in of the account. Requests never reveal whether an email has an account.
 */
package ai.mindbot.auth.reset;
