/** Calls to the auth and time services' HTTP APIs, for actions and for sign-in. */
package ai.mindbot.admin.upstream;
