/**
 * The time cards people can buy: configured packages of seconds at a price in cents, validated when
 * the service starts, and the public {@code GET /time/pricing} that lists them.
 */
package ai.mindbot.time.catalog;
