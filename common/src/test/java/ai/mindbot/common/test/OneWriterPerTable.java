package ai.mindbot.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The one-writer rules every service with tables checks, as tests: a service's
 * {@code TableWritersTest} extends this with its {@link TableWriters table of writers} and proves
 * the scanner can fail.
 */
public abstract class OneWriterPerTable {

    protected final TableWriters tables;

    protected OneWriterPerTable(TableWriters tables) {
        this.tables = tables;
    }

    @Test
    void everyTableHasItsOneWriterNamed() {
        assertThat(tables.namedTables()).containsExactlyInAnyOrderElementsOf(tables.createdTables());
    }

    @Test
    void onlyEachTablesWriterHoldsSqlThatWritesIt() {
        assertThat(tables.writesOutsideTheirWriter())
                .as("SQL writing a table outside its one writer")
                .isEmpty();
    }
}
