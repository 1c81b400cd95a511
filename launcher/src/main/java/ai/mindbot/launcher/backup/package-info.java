/**
 * {@code ./mindbot backup} and {@code ./mindbot restore}: a consistent copy of every service's data
 * taken while the services run (SQLite's {@code VACUUM INTO}; {@code pg_dump} on one exported
 * snapshot), and its restore, which refuses to replace data that is already there unless told to and
 * says what it restored, counted the same way as when it was backed up.
 */
package ai.mindbot.launcher.backup;
