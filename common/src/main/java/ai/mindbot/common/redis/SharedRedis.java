package ai.mindbot.common.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's connection to the Redis at {@code REDIS_URL} (Lettuce: one thread-safe connection
 * multiplexes every caller). It opens on first use, so a service starts while Redis is down, and
 * then reconnects by itself.
 * <p>
 * Redis is never allowed to hold a request up: commands time out after {@code timeout}, commands
 * sent while disconnected fail at once instead of queueing, and after a failure no command is sent
 * for {@link #QUIET} (a hung server would otherwise cost every request the full timeout). Each
 * failure is a {@link RedisUnavailableException} for the caller to fall back on; the first of an
 * outage is logged as an error and the recovery as a warning, so an outage shows in the log once,
 * not once per request.
 */
public final class SharedRedis implements AutoCloseable {

    static final Duration QUIET = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

    private final RedisClient client;
    private final String where;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long quietUntilNanos = System.nanoTime();

    private SharedRedis(RedisClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** A client for {@code url} ({@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://}); connects later. */
    public static SharedRedis of(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        String where = uri.getHost() + ":" + uri.getPort(); // never the password
        log.info("redis: {} (REDIS_URL), connecting on first use", where);
        return new SharedRedis(client, where);
    }

    /** Runs one command (or a few, on the same connection); throws {@link RedisUnavailableException} when Redis does not answer. */
    public <T> T call(Function<RedisCommands<String, String>, T> command) {
        if (down.get() && System.nanoTime() - quietUntilNanos < 0) {
            throw new RedisUnavailableException("redis at " + where + " is not answering", null);
        }
        try {
            T result = command.apply(connection().sync());
            if (down.compareAndSet(true, false)) {
                log.warn("redis: {} answers again", where);
            }
            return result;
        } catch (RedisException e) {
            quietUntilNanos = System.nanoTime() + QUIET.toNanos();
            if (down.compareAndSet(false, true)) {
                log.error("redis: {} is not answering ({}); going on without it until it does", where, e.getMessage());
            }
            throw new RedisUnavailableException("redis at " + where + " is not answering", e);
        }
    }

    /** False from a failed command until the next one that succeeds. */
    public boolean up() {
        return !down.get();
    }

    public RedisScript script(String lua) {
        return new RedisScript(this, lua);
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> open = connection;
        if (open == null) {
            synchronized (this) {
                open = connection;
                if (open == null) {
                    open = client.connect();
                    connection = open;
                }
            }
        }
        return open;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
