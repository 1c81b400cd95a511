package ai.mindbot.common.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, as problem+json. Some requests are refused by the container before any
 * filter or controller sees them (a header over the size limit, {@code %2F} inside a path), and
 * Tomcat's default answer is an HTML page naming the server. Replacing the host's error report
 * valve keeps the one error contract for those too. Errors the application answers itself have
 * content already written and pass through untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int statusCode = response.getStatus();
        // the same guard as Tomcat's valve: only an error nobody has answered yet
        if (statusCode < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = statusCode < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String code = status.is4xxClientError() ? status.name().toLowerCase(Locale.ROOT) : "internal_error";
        String detail = status.is4xxClientError()
                ? "the request was refused before it reached the service: " + status.getReasonPhrase()
                : "something went wrong on our side; quote the request id when you report it";
        String requestId = UUID.randomUUID().toString();
        try {
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            response.setHeader(RequestIdFilter.HEADER, requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                // no instance: the URI is exactly what the container could not accept
                writer.write(Problems.document(status, code, detail, null, requestId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone or the response was committed meanwhile: nothing left to tell
        }
    }
}
