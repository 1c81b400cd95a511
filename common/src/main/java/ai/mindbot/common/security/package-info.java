/** Access-token verification shared by all services, and the caller it yields. */
package ai.mindbot.common.security;
