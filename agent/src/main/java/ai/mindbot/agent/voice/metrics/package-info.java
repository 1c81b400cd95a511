/**
 * The voice pipeline's per-turn timings for Prometheus: histograms fed by every conversation of
 * the worker, served on {@code AGENT_METRICS_PORT} by the JDK's HTTP server (beside the worker's
 * load, {@link ai.mindbot.agent.worker.WorkerLoadMetrics}).
 */
package ai.mindbot.agent.voice.metrics;
