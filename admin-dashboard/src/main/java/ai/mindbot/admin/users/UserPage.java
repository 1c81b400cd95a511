package ai.mindbot.admin.users;

import java.util.List;

/** A page of users matching {@code q}, with the total count for paging. */
record UserPage(List<UserSummary> users, long total, int limit, int offset, String q) {}
