/**
 * Who sees what on {@code /health}: everyone its status, and only admins (an admin access token) and
 * the internal network (loopback and {@code INTERNAL_NETWORKS}) its components and details, which
 * name the database, the disk path and the payment mode.
 */
package ai.mindbot.common.health;
