package ai.mindbot.admin.users;

import ai.mindbot.admin.web.Paging;
import ai.mindbot.admin.web.PagingRefusals;
import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.UnicodeText;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/users?limit=&offset=&q=}: newest users first. */
@RestController
class UsersController {

    private final UserDirectory directory;

    UsersController(UserDirectory directory) {
        this.directory = directory;
    }

    @PagingRefusals
    @Refusal(status = 400, code = "invalid_query", when = "q is over 200 characters or holds control characters")
    @GetMapping("/admin/users")
    UserPage users(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "") String q) {
        Paging.check(limit, offset);
        if (q.length() > 200) {
            throw ApiException.badRequest("invalid_query", "q must be at most 200 characters");
        }
        // NUL ended SQLite's LIKE pattern early (q=%00 matched every user) and PostgreSQL refuses it;
        // no name or email holds control or invisible characters, so a search for one is a mistake
        if (UnicodeText.problemWith(q) != null || UnicodeText.hasControlOrFormat(q)) {
            throw ApiException.badRequest("invalid_query", "q must not contain control or invisible characters");
        }
        return directory.page(q, limit, offset);
    }
}
