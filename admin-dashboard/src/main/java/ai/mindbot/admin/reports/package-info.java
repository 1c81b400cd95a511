/**
 * Reads of the time service's records (purchases, sessions, ledger, accounts) as the admin sees
 * them, and the per-user report {@code GET /admin/reports/user/{id}}.
 */
package ai.mindbot.admin.reports;
