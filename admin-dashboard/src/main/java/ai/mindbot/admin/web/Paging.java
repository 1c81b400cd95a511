package ai.mindbot.admin.web;

import ai.mindbot.common.web.ApiException;

/** The paging rule every admin list shares: 1 to 200 rows, from a non-negative offset. */
public final class Paging {

    public static final int MAX_LIMIT = 200;

    private Paging() {}

    public static void check(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw ApiException.badRequest("invalid_offset", "offset must be 0 or more");
        }
    }
}
