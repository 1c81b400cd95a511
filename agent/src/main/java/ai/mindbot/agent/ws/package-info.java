/** The binary-protobuf WebSocket both LiveKit protocols (agent worker and room signalling) run over. */
package ai.mindbot.agent.ws;
