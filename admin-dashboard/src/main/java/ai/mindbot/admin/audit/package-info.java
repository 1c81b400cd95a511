/**
 * The audit log of admin actions ({@code admin_audit_log}): who (token subject and email), when,
 * what, on which target, why, and the outcome; read with {@code GET /admin/audit}.
 */
package ai.mindbot.admin.audit;
