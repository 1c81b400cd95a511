/**
 * The two databases the admin dashboard talks to: the business data it reports on (time tables,
 * and the auth {@code users} table) read-only, and its own tables (audit log, usage rollups).
 */
package ai.mindbot.admin.db;
