/**
 * What agent code sees: an {@link ai.mindbot.agent.api.Agent} per job with hooks for the job's start
 * and end, participants, audio and text, and the {@link ai.mindbot.agent.api.Room} it acts on.
 * Every hook of one job runs on that job's own thread, one at a time, so agents need no locks.
 */
package ai.mindbot.agent.api;
