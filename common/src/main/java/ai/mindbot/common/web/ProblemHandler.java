package ai.mindbot.common.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error path: every exception a request can raise becomes problem+json. Client mistakes get
 * their 4xx with a sentence that says what to fix; anything unexpected is logged with the request id
 * and answered as a bare 500 with no internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        Object retryAfter = e.properties().get("retry_after_seconds");
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return ResponseEntity.status(e.status())
                .headers(headers)
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler({ConstraintViolationException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "parameter '" + m.getName() + "' has an invalid value"
                : e.getMessage();
        return problem(HttpStatus.BAD_REQUEST, "invalid_parameter", detail);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "you are not allowed to do this");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unhandled error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "something went wrong on our side; quote the request id when you report it");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "the request body has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid_parameter", "a request parameter is invalid"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .contentType(Problems.PROBLEM_JSON)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", tooLarge.getMessage()));
            }
        }
        Map<String, String> fieldError = JsonFieldErrors.of(e);
        if (fieldError != null) {
            ProblemDetail problem =
                    Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "the request body has invalid fields");
            problem.setProperty("errors", List.of(fieldError));
            return ResponseEntity.badRequest()
                    .contentType(Problems.PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.badRequest()
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed_body",
                        "the request body is not valid JSON of the expected shape"));
    }

    /** Spring's own 4xx (unknown route, wrong method, unsupported media type...) keep their status, gain our members. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detail = e instanceof ErrorResponse er && er.getBody().getDetail() != null
                ? er.getBody().getDetail()
                : status.getReasonPhrase();
        ProblemDetail problem = Problems.of(status, codeFor(status), detail);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    private static String codeFor(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(Problems.of(status, code, detail));
    }
}
