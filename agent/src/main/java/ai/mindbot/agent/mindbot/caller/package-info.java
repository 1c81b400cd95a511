/**
 * Who the agent is talking to, decided only by what the auth service signed: the participant
 * identity ({@code user-<id>} or {@code guest-...}) is fixed by the LiveKit token. Attributes and
 * metadata a client can change on its own participant only ever supply a display name or an email
 * for notices; they never pick whom the time service bills.
 */
package ai.mindbot.agent.mindbot.caller;
