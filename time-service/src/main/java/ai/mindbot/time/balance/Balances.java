package ai.mindbot.time.balance;

import ai.mindbot.common.config.MisconfigurationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A user's balance figures for {@code GET /time/balance}: from the database, or through the Redis
 * balance cache when there is one ({@link BalanceCacheConfig}). On PostgreSQL the cache took
 * reads from about 1 200–1 500 to 2 000 a second, and their p99 from 40–70 ms to 12 ms; on SQLite it
 * made no difference (docs/benchmarks/redis.md). Without an answer from Redis the read goes to the
 * database, so the cache can never make a balance unreadable.
 */
@Service
class Balances {

    private final AccountStanding standing;
    private final BalanceCache cache;

    Balances(
            AccountStanding standing,
            ObjectProvider<BalanceCache> cache,
            @Value("${mindbot.balance.cache:}") String mode) {
        if (!mode.isBlank() && !mode.strip().equals("off") && !mode.strip().equals("redis")) {
            throw new MisconfigurationException("BALANCE_CACHE must be off or redis, not '" + mode + "'");
        }
        this.standing = standing;
        this.cache = cache.getIfAvailable();
    }

    BalanceFigures of(String userId) {
        if (cache == null) {
            return fromDatabase(userId);
        }
        BalanceCache.Lookup lookup = cache.lookup(userId);
        if (lookup.hit()) {
            return lookup.figures();
        }
        BalanceFigures read = fromDatabase(userId);
        cache.offer(userId, lookup, read);
        return read;
    }

    private BalanceFigures fromDatabase(String userId) {
        return BalanceFigures.of(standing.of(userId));
    }
}
