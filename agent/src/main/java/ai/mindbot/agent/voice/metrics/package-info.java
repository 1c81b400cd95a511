/**
 * The voice pipeline's per-turn timings for Prometheus: histograms fed by every conversation of
 * the worker, served on {@code AGENT_METRICS_PORT} by the JDK's HTTP server.
 */
package ai.mindbot.agent.voice.metrics;
