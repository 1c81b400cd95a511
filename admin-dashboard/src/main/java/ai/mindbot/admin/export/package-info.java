/** CSV exports of purchases and sessions for a date range, streamed row by row. */
package ai.mindbot.admin.export;
