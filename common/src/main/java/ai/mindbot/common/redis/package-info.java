/**
 * The optional Redis at {@code REDIS_URL}: one lazily opened connection per service that features
 * use for shared state they can do without (auth's rate-limit counters, time's balance cache).
 * Nothing needs Redis: when it does not answer, callers get {@link ai.mindbot.common.redis.RedisUnavailableException}
 * at once and fall back to the database.
 */
package ai.mindbot.common.redis;
