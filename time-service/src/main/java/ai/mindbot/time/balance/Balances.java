package ai.mindbot.time.balance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import ai.mindbot.common.config.MisconfigurationException;

/**
 * A user's balance figures for {@code GET /time/balance}: from the database, or through the Redis
 * balance cache when {@code BALANCE_CACHE=redis}. Off by default: a cached read was measured no
 * faster than the database's (docs/benchmarks/redis.md). Without an answer from Redis the read
 * goes to the database, so the cache can never make a balance unreadable.
 */
@Service
class Balances {

    private final AccountStanding standing;
    private final BalanceCache cache;

    Balances(AccountStanding standing, ObjectProvider<BalanceCache> cache,
            @Value("${mindbot.balance.cache:off}") String mode) {
        if (!mode.equals("off") && !mode.equals("redis")) {
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
