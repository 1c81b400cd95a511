package ai.mindbot.admin.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting with = + - @ or a control
 * character) is prefixed with an apostrophe, since room names and reasons come from users.
 */
final class CsvWriter {

    private final Writer out;
    private boolean firstInRow = true;

    CsvWriter(Writer out) {
        this.out = out;
    }

    CsvWriter text(String value) {
        if (value == null) {
            return raw("");
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote =
                safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return raw(quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
    }

    CsvWriter number(Long value) {
        return raw(value == null ? "" : value.toString());
    }

    /** Epoch milliseconds as an ISO-8601 UTC instant. */
    CsvWriter time(Long epochMillis) {
        return raw(epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString());
    }

    CsvWriter row(String... headers) {
        for (String header : headers) {
            text(header);
        }
        return endRow();
    }

    CsvWriter endRow() {
        write("\r\n");
        firstInRow = true;
        return this;
    }

    private CsvWriter raw(String cell) {
        if (!firstInRow) {
            write(",");
        }
        write(cell);
        firstInRow = false;
        return this;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
