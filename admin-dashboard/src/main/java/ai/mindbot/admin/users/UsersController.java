package ai.mindbot.admin.users;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.mindbot.admin.web.Paging;
import ai.mindbot.common.web.ApiException;

/** {@code GET /admin/users?limit=&offset=&q=}: newest users first. */
@RestController
class UsersController {

    private final UserDirectory directory;

    UsersController(UserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin/users")
    UserPage users(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "") String q) {
        Paging.check(limit, offset);
        if (q.length() > 200) {
            throw ApiException.badRequest("invalid_query", "q must be at most 200 characters");
        }
        return directory.page(q, limit, offset);
    }
}
