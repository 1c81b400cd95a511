/**
 * The two databases the admin dashboard talks to: the business data it reports on, read-only and
 * only through the views the auth and time services publish ({@code auth_report_*_v1},
 * {@code time_report_*_v1}, each owned and migrated by its service), and its own tables (audit
 * log, usage rollups).
 */
package ai.mindbot.admin.db;
