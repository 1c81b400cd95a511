/**
 * Revenue and usage over the last N days, and the dashboard overview. Revenue is read live from
 * {@code purchases}; usage combines a rollup of closed days ({@link ai.mindbot.admin.analytics.UsageRollup})
 * with a live read of the days not yet rolled up, so numbers are both fresh and fast.
 */
package ai.mindbot.admin.analytics;
