package ai.mindbot.admin.export;

import ai.mindbot.admin.db.ReportsDatabase;
import ai.mindbot.common.apidocs.Refusal;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/export/purchases.csv|sessions.csv?from=YYYY-MM-DD&to=YYYY-MM-DD}: purchases
 * made and sessions started in those UTC days, oldest first, streamed from the time service's
 * report views.
 */
@RestController
class ExportController {

    /**
     * Both dates are required: {@link DateRange} refuses a missing one with 400 invalid_date. Spring
     * is not told so (required = false) to keep that one problem code; the document is told here.
     */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            required = true,
            description = "a UTC day as YYYY-MM-DD, inclusive",
            example = "2026-01-31",
            schema = @Schema(type = "string", format = "date"))
    @interface DateParameter {}

    /** What every export answers, for the API document: a CSV, or a refusal of its date range. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "200",
            description = "CSV, a header row first, oldest first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @Refusal(status = 400, code = "invalid_date", when = "from or to is missing, or not a real date as YYYY-MM-DD")
    @Refusal(status = 400, code = "invalid_range", when = "to is before from, or the range is too long")
    @interface CsvExport {}

    private final ReportsDatabase db;

    ExportController(ReportsDatabase db) {
        this.db = db;
    }

    @CsvExport
    @GetMapping("/admin/export/purchases.csv")
    void purchases(
            @DateParameter @RequestParam(required = false) String from,
            @DateParameter @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        DateRange range = DateRange.parse(from, to);
        CsvWriter csv = new CsvWriter(start(response, "purchases", range));
        csv.row(
                "id",
                "user_id",
                "package_id",
                "seconds",
                "amount_cents",
                "refunded_cents",
                "currency",
                "status",
                "provider",
                "payment_intent_id",
                "failure_code",
                "created_at",
                "succeeded_at");
        db.jdbc()
                .sql("""
                SELECT id, user_id, package_id, seconds, amount_cents, refunded_cents, currency, status, provider,
                       payment_intent_id, failure_code, created_at, succeeded_at
                FROM time_report_purchases_v1 WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id
                """)
                .param("from", range.startMillis())
                .param("to", range.endMillis())
                .query(rs -> {
                    csv.text(rs.getString(1))
                            .text(rs.getString(2))
                            .text(rs.getString(3))
                            .number(rs.getLong(4))
                            .number(rs.getLong(5))
                            .number(rs.getLong(6))
                            .text(rs.getString(7))
                            .text(rs.getString(8))
                            .text(rs.getString(9))
                            .text(rs.getString(10))
                            .text(rs.getString(11))
                            .time(rs.getLong(12))
                            .time(nullable(rs.getObject(13)))
                            .endRow();
                });
        response.getWriter().flush();
    }

    @CsvExport
    @GetMapping("/admin/export/sessions.csv")
    void sessions(
            @DateParameter @RequestParam(required = false) String from,
            @DateParameter @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        DateRange range = DateRange.parse(from, to);
        CsvWriter csv = new CsvWriter(start(response, "sessions", range));
        // billed_seconds is the time API's name for used_seconds (what the session has cost so far);
        // the column stays for the spreadsheets built on this layout
        csv.row(
                "id",
                "user_id",
                "room_name",
                "status",
                "started_at",
                "ended_at",
                "used_seconds",
                "billed_seconds",
                "end_reason");
        db.jdbc()
                .sql("""
                SELECT id, user_id, room_name, status, started_at, ended_at, used_seconds, end_reason
                FROM time_report_sessions_v1 WHERE started_at >= :from AND started_at < :to ORDER BY started_at, id
                """)
                .param("from", range.startMillis())
                .param("to", range.endMillis())
                .query(rs -> {
                    csv.text(rs.getString(1))
                            .text(rs.getString(2))
                            .text(rs.getString(3))
                            .text(rs.getString(4))
                            .time(rs.getLong(5))
                            .time(nullable(rs.getObject(6)))
                            .number(rs.getLong(7))
                            .number(rs.getLong(7))
                            .text(rs.getString(8))
                            .endRow();
                });
        response.getWriter().flush();
    }

    private static Writer start(HttpServletResponse response, String what, DateRange range) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + what + "-" + range.from() + "-to-" + range.to() + ".csv\"");
        return response.getWriter();
    }

    private static Long nullable(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
