/**
 * MindBot's offline brain: the default {@link ai.mindbot.agent.voice.Llm} when no
 * {@code OPENAI_API_KEY} is set. It understands MindBot's intents in plain words, robust to what a
 * recogniser writes (lower case, no punctuation, near-misses), asks for the same tools a cloud model
 * would, and phrases their JSON answers. It cannot hold an open conversation; it says what it can do.
 */
package ai.mindbot.agent.mindbot.brain;
