/**
 * The diagnostic echo agent ({@code ./mindbot agent echo}): plays back what each participant says
 * about half a second later, proving media flows both ways between LiveKit and the agent machine.
 */
package ai.mindbot.agent.echo;
