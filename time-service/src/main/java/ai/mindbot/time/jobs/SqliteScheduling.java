package ai.mindbot.time.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * db-scheduler on SQLite, which its 16.7 release does not know: times as epoch milliseconds (the
 * convention of every other table here, and what orders correctly as INTEGER), and {@code LIMIT}
 * instead of the ANSI {@code FETCH FIRST} SQLite cannot parse. Everything else is the library's
 * generic JDBC path (fetch due rows, then claim each with a version-checked update).
 */
final class SqliteScheduling extends DefaultJdbcCustomization {

    SqliteScheduling() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite (epoch milliseconds)";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Instant getInstant(ResultSet rs, String columnName) throws SQLException {
        long millis = rs.getLong(columnName);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
