package ai.mindbot.common.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location from {@code DATABASE_URL}, accepted in the usual forms
 * ({@code postgresql://user:pass@host:5432/db}, {@code postgres://...}, or {@code jdbc:postgresql://...}).
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]"; // never the password
    }

    public static DatabaseUrl parse(String value) {
        String url = value.strip();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must be a postgresql:// or jdbc:postgresql:// URL");
        }
        URI uri = URI.create(url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl(
                "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
