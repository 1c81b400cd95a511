/**
 * What the admin dashboard may do to an account through the auth-service: look it up, disable it
 * ((which also ends its sign-ins)) and enable it again. Admin role only.
 */
package ai.mindbot.auth.admin;
