package ai.mindbot.admin.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesCellsWithSeparatorsQuotesAndNewlines() {
        StringWriter out = new StringWriter();
        new CsvWriter(out)
                .text("plain")
                .text("a,b")
                .text("say \"hi\"")
                .text("two\nlines")
                .number(42L)
                .number(null)
                .endRow();
        assertThat(out).hasToString("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",42,\r\n");
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormula() {
        StringWriter out = new StringWriter();
        new CsvWriter(out)
                .text("=HYPERLINK(\"x\")")
                .text("+1")
                .text("-2")
                .text("@sum")
                .endRow();
        assertThat(out).hasToString("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@sum\r\n");
    }

    @Test
    void writesTimesAsUtcInstants() {
        StringWriter out = new StringWriter();
        new CsvWriter(out).time(0L).time(null).endRow();
        assertThat(out).hasToString("1970-01-01T00:00:00Z,\r\n");
    }
}
