/**
 * What MindBot says about time, written once for every brain: durations the way a person says them,
 * the greetings of the seed guide's three cases, and the warnings and goodbyes of metering.
 */
package ai.mindbot.agent.mindbot.speech;
