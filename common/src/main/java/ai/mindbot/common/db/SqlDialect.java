package ai.mindbot.common.db;

/**
 * The two databases MindBot runs on. Most SQL is written once in the subset both share
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, {@code RETURNING}, conditional {@code UPDATE});
 * stores ask this where they must differ.
 */
public enum SqlDialect {
    SQLITE,
    POSTGRESQL;

    public static SqlDialect ofJdbcUrl(String url) {
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
