package ai.mindbot.admin.reports;

import ai.mindbot.common.web.ApiException;

/** User ids are the auth service's numeric ids; anything else names no user. */
public final class UserIds {

    private UserIds() {}

    public static long parse(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw ApiException.notFound("user " + id);
        }
        return Long.parseLong(id);
    }
}
