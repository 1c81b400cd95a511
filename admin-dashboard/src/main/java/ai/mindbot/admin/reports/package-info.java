/**
 * Reads of the time service's records (purchases, sessions, ledger, accounts) as the admin sees
 * them, through the report views the time service publishes, and the per-user report
 * {@code GET /admin/users/{id}/report} (alias {@code /admin/reports/user/{id}}).
 */
package ai.mindbot.admin.reports;
