package ai.mindbot.time.balance;

import ai.mindbot.common.redis.RedisScript;
import ai.mindbot.common.redis.RedisUnavailableException;
import ai.mindbot.common.redis.SharedRedis;
import ai.mindbot.time.ledger.AccountChangeListener;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Balance figures in Redis, shared by every time-service instance, dropped after each commit that
 * changes them ({@link AccountChangeListener}), with a short TTL as a safety net.
 * <p>
 * Dropping alone is not enough: a reader that read the database just before a commit could store
 * the old figures just after the drop. So every account has a version, bumped with each drop, and
 * a reader stores only if the version is still the one it saw before reading the database.
 * A drop that cannot reach Redis is remembered and retried every {@link #RETRY} until Redis
 * answers, so an instance that lost Redis for a moment does not leave stale figures behind for the
 * others; what another instance could read in between is bounded by the TTL.
 */
final class BalanceCache implements AccountChangeListener, AutoCloseable {

    static final Duration RETRY = Duration.ofMillis(250);

    private static final String FIGURES = "mindbot:time:balance:";
    private static final String VERSION = "mindbot:time:balance-version:";
    /** Far longer than any database read, so a version never expires under a reader and comes back equal. */
    private static final Duration VERSION_TTL = Duration.ofDays(1);

    private static final int MAX_REMEMBERED_DROPS = 100_000;

    /** KEYS: figures, version. ARGV: version seen before the read, figures, TTL ms. */
    private static final String STORE_IF_UNCHANGED = """
            if (redis.call('GET', KEYS[2]) or '') == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;
    /** KEYS: figures, version. ARGV: the version's TTL ms. */
    private static final String DROP = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            return 0
            """;

    /** The figures when cached; else the version seen, if Redis answered. */
    record Lookup(BalanceFigures figures, String version) {
        boolean hit() {
            return figures != null;
        }
    }

    private static final Lookup UNAVAILABLE = new Lookup(null, null);

    private final SharedRedis redis;
    private final RedisScript storeIfUnchanged;
    private final RedisScript drop;
    private final String ttlMillis;
    private final Set<String> undropped = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "balance-cache-drops");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;

    BalanceCache(SharedRedis redis, Duration ttl, MeterRegistry metrics) {
        this.redis = redis;
        this.storeIfUnchanged = redis.script(STORE_IF_UNCHANGED);
        this.drop = redis.script(DROP);
        this.ttlMillis = Long.toString(ttl.toMillis());
        this.hits = metrics.counter("mindbot.balance.cache", "result", "hit");
        this.misses = metrics.counter("mindbot.balance.cache", "result", "miss");
        this.unavailable = metrics.counter("mindbot.balance.cache", "result", "unavailable");
        retries.scheduleWithFixedDelay(this::retryDrops, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    Lookup lookup(String userId) {
        try {
            dropRemembered();
            List<KeyValue<String, String>> both =
                    redis.call(commands -> commands.mget(FIGURES + userId, VERSION + userId));
            if (both.get(0).hasValue()) {
                hits.increment();
                return new Lookup(BalanceFigures.decode(both.get(0).getValue()), null);
            }
            misses.increment();
            return new Lookup(null, both.get(1).getValueOrElse(""));
        } catch (RedisUnavailableException down) {
            unavailable.increment();
            return UNAVAILABLE;
        }
    }

    /** Stores figures read from the database after {@code missed}, unless a drop came in between. */
    void offer(String userId, Lookup missed, BalanceFigures read) {
        if (missed.version() == null) {
            return;
        }
        try {
            storeIfUnchanged.run(ScriptOutputType.INTEGER, keys(userId), missed.version(), read.encode(), ttlMillis);
        } catch (RedisUnavailableException down) {
            // the next read goes to the database again
        }
    }

    @Override
    public void accountChanged(String userId) {
        try {
            dropRemembered();
            dropNow(userId);
        } catch (RedisUnavailableException down) {
            remember(userId);
        }
    }

    private void dropNow(String userId) {
        drop.run(ScriptOutputType.INTEGER, keys(userId), Long.toString(VERSION_TTL.toMillis()));
    }

    private void remember(String userId) {
        if (undropped.size() < MAX_REMEMBERED_DROPS) {
            undropped.add(userId);
        } // past that, the TTL is the net
    }

    private void retryDrops() {
        if (undropped.isEmpty()) {
            return;
        }
        try {
            dropRemembered();
        } catch (RedisUnavailableException stillDown) {
            // next time
        }
    }

    private void dropRemembered() {
        for (String userId : undropped) {
            dropNow(userId); // throws while Redis is still away: the rest stay remembered
            undropped.remove(userId);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }

    private static String[] keys(String userId) {
        return new String[] {FIGURES + userId, VERSION + userId};
    }
}
