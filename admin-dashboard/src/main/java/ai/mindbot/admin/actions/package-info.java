/**
 * Admin actions: grant or take back time, refund a purchase, disable or enable a user, end a live
 * session. The dashboard never changes balances or accounts itself: each action is a call to the
 * owning service's admin API with the admin's own bearer token, and each is written to the audit
 * log with its outcome.
 */
package ai.mindbot.admin.actions;
