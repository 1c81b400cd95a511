package ai.mindbot.common.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically on Redis. Sent by its SHA-1 digest ({@code EVALSHA}), and in full
 * only when Redis does not know it yet (first use, or after a restart), which also caches it.
 */
public final class RedisScript {

    private final SharedRedis redis;
    private final String lua;
    private final String sha;

    RedisScript(SharedRedis redis, String lua) {
        this.redis = redis;
        this.lua = lua;
        try {
            this.sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(lua.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Runs the script; what it returns, as Lettuce maps {@code type} (a Long, a List, ...). */
    public <T> T run(ScriptOutputType type, String[] keys, String... args) {
        return redis.call(commands -> {
            try {
                return commands.evalsha(sha, type, keys, args);
            } catch (RedisNoScriptException unknown) {
                return commands.eval(lua, type, keys, args);
            }
        });
    }
}
