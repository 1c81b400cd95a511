package ai.mindbot.admin.db;

import ai.mindbot.common.db.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's own tables ({@code admin_*}): the audit log and the usage rollups. */
public record AdminDatabase(JdbcTemplate template, SqlDialect dialect) {

    public JdbcClient jdbc() {
        return JdbcClient.create(template);
    }
}
