/**
 * The users as the admin sees them: the auth service's accounts joined with their time balance,
 * spend and last activity; paged and searchable.
 */
package ai.mindbot.admin.users;
