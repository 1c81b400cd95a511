/**
 * The function tools MindBot's brain may call (the seed guide's four): {@code check_time_balance},
 * {@code get_time_packages}, {@code estimate_session_cost} and {@code lookup_weather}. Each answers
 * JSON with the figures and nothing else, so a cloud model and the offline brain phrase the same facts;
 * a failure is an answer too ({@code "error"}), never an exception the model cannot read.
 */
package ai.mindbot.agent.mindbot.tools;
