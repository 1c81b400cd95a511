/**
 * Joining a room the way LiveKit's client SDKs do: the {@code /rtc} signalling WebSocket (protocol
 * 16, dual peer connection), a subscriber connection the server offers and a publisher connection we
 * offer, trickle ICE both ways, data channels, and the media bridge to webrtc-java. Every callback
 * from the native library is handed to the room's own thread before it touches any state.
 */
package ai.mindbot.agent.rtc;
