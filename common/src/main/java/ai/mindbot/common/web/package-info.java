/** The HTTP conventions: problem+json errors, request ids, body limits. */
package ai.mindbot.common.web;
