/** The HTTP face of metered sessions: /time/sessions for users and the agent, /time/admin/sessions for admins. */
package ai.mindbot.time.session.web;
