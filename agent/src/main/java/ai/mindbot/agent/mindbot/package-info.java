/**
 * MindBot, the time-aware voice agent of the seed guide ({@code time_aware_mindbot.py}) in Java:
 * {@link ai.mindbot.agent.mindbot.MindBotAgent} links the caller to a conversation with MindBot's
 * persona and tools and meters the call with the time service. Sub-packages by feature:
 * {@code caller} (who is this), {@code services} (auth and time service clients), {@code metering}
 * (the time keeper), {@code speech} (what is said about time), {@code tools} and {@code brain}
 * (the offline LLM), {@code console} (the same MindBot in a terminal).
 */
package ai.mindbot.agent.mindbot;
