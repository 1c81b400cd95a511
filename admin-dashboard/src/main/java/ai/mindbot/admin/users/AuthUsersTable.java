package ai.mindbot.admin.users;

import java.sql.ResultSetMetaData;
import java.util.Locale;

import org.springframework.stereotype.Component;

import ai.mindbot.admin.db.ReportsDatabase;

/**
 * How the auth service's {@code users} table says an account is disabled. The shared contract
 * named a {@code disabled} flag; the auth schema records {@code disabled_at} (NULL = active).
 * The admin reads whichever exists, found once from the table's columns.
 */
@Component
class AuthUsersTable {

    private final ReportsDatabase db;
    private volatile String disabledColumn;

    AuthUsersTable(ReportsDatabase db) {
        this.db = db;
    }

    String disabledColumn() {
        String column = disabledColumn;
        if (column == null) {
            column = db.jdbc().sql("SELECT * FROM users WHERE 1 = 0").query(rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                String found = null;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                    if (name.equals("disabled_at") || (name.equals("disabled") && found == null)) {
                        found = name;
                    }
                }
                return found == null ? "NULL" : found;
            });
            disabledColumn = column;
        }
        return column;
    }
}
