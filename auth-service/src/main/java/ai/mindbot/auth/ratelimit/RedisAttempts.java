package ai.mindbot.auth.ratelimit;

import ai.mindbot.common.redis.RedisScript;
import ai.mindbot.common.redis.RedisUnavailableException;
import ai.mindbot.common.redis.SharedRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Attempts in Redis, shared by every auth instance on the same Redis whatever database each uses:
 * one sorted set per counter, an attempt a member scored by its time, so the window slides exactly
 * as the database's does. One script counts an attempt against all of a request's keys at once,
 * atomically, and takes it back from all of them if one is over its limit. A counter expires with
 * its window, so nothing needs purging.
 */
final class RedisAttempts implements AttemptStore {

    static final String PREFIX = "mindbot:auth:attempts:";

    /**
     * KEYS: the counters. ARGV: now, the attempt's member, then window (ms) and max per key; a
     * negative max never refuses. Returns {0, attempts in the last key's window} or, refused,
     * {index of the full key, ms until one more fits}.
     */
    private static final String COUNT = """
            local now = tonumber(ARGV[1])
            local member = ARGV[2]
            local count = 0
            for i = 1, #KEYS do
              local window = tonumber(ARGV[1 + 2 * i])
              local max = tonumber(ARGV[2 + 2 * i])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
              redis.call('ZADD', KEYS[i], now, member)
              redis.call('PEXPIRE', KEYS[i], window)
              count = redis.call('ZCARD', KEYS[i])
              if max >= 0 and count > max then
                local nth = redis.call('ZRANGE', KEYS[i], count - max - 1, count - max - 1, 'WITHSCORES')
                for j = 1, i do
                  redis.call('ZREM', KEYS[j], member)
                end
                return {i, tonumber(nth[2]) + window - now}
              end
            end
            return {0, count}
            """;

    private static final String GIVE_BACK = """
            for i = 1, #KEYS do
              redis.call('ZREM', KEYS[i], ARGV[1])
            end
            return 0
            """;

    private final SharedRedis redis;
    private final RedisScript count;
    private final RedisScript giveBack;

    RedisAttempts(SharedRedis redis) {
        this.redis = redis;
        this.count = redis.script(COUNT);
        this.giveBack = redis.script(GIVE_BACK);
    }

    @Override
    public Taken reserve(List<Limited> keys, long now) {
        Attempt attempt = count(keys, now, false);
        if (attempt.refusedKey() > 0) {
            throw new LimitReached(keys.get(attempt.refusedKey() - 1).key(), attempt.value());
        }
        return attempt;
    }

    @Override
    public Counted record(Limited key, long now) {
        Attempt attempt = count(List.of(key), now, true);
        return new Counted(attempt, attempt.value());
    }

    @Override
    public void forget(Bucket bucket, String subject) {
        redis.call(commands -> commands.del(name(new AttemptKey(bucket, subject))));
    }

    @Override
    public void forgetStartingWith(Bucket bucket, String prefix) {
        ScanArgs matching = ScanArgs.Builder.matches(escapeGlob(PREFIX + bucket.name() + ":" + prefix) + "*")
                .limit(500);
        redis.call(commands -> {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, matching);
                if (!page.getKeys().isEmpty()) {
                    commands.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return null;
        });
    }

    private Attempt count(List<Limited> keys, long now, boolean neverRefuse) {
        String member = UUID.randomUUID().toString();
        String[] names = new String[keys.size()];
        List<String> args = new ArrayList<>(List.of(Long.toString(now), member));
        for (int i = 0; i < names.length; i++) {
            Limited limited = keys.get(i);
            names[i] = name(limited.key());
            args.add(Long.toString(limited.limit().window().toMillis()));
            args.add(Long.toString(neverRefuse ? -1 : limited.limit().max()));
        }
        List<Long> result = count.run(ScriptOutputType.MULTI, names, args.toArray(String[]::new));
        return new Attempt(names, member, result.get(0).intValue(), result.get(1));
    }

    static String name(AttemptKey key) {
        return PREFIX + key.bucket().name() + ":" + key.subject();
    }

    /** SCAN's MATCH is a glob: the literal prefix must not match more than itself. */
    private static String escapeGlob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** One counted attempt: a member added to each counter. */
    private final class Attempt implements Taken {
        private final String[] names;
        private final String member;
        private final int refusedKey;
        private final long value;

        Attempt(String[] names, String member, int refusedKey, long value) {
            this.names = names;
            this.member = member;
            this.refusedKey = refusedKey;
            this.value = value;
        }

        int refusedKey() {
            return refusedKey;
        }

        long value() {
            return value;
        }

        /** Best effort: with Redis gone, the attempt simply ages out with its window. */
        @Override
        public void giveBack() {
            try {
                giveBack.run(ScriptOutputType.INTEGER, names, member);
            } catch (RedisUnavailableException down) {
                // SharedRedis has said so in the log
            }
        }
    }
}
