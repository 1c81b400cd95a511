// One call with MindBot in a LiveKit room, as the agent's side defines it: its state in the
// participant attribute lk.agent.state, transcripts of both sides on the text-stream topic
// lk.transcription (attributes lk.segment_id, lk.transcribed_track_id, lk.transcription_final),
// typed messages to it on lk.chat, and removal from the room when the time runs out.
// The view listens to the callbacks; this module knows LiveKit, the view knows the page.
import { loadLiveKit } from './livekit.js';

export const AGENT_STATE = 'lk.agent.state';
export const TRANSCRIPTION = 'lk.transcription';
export const CHAT = 'lk.chat';

export class Call {
  /**
   * handlers: onState(state), onCaption({id, speaker, text, final}), onAgentAudio(track|null),
   * onMicLevel(track), onEnded({reason, removed}), onAudioBlocked(blocked).
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.room = null;
    this.ended = false;
  }

  async join(url, token) {
    const LK = await loadLiveKit();
    this.LK = LK;
    const room = new LK.Room({ adaptiveStream: true, dynacast: true });
    this.room = room;
    room.on(LK.RoomEvent.ParticipantConnected, (p) => this.#seeAgent(p));
    room.on(LK.RoomEvent.ParticipantAttributesChanged, (changed, p) => {
      if (p !== room.localParticipant && AGENT_STATE in changed) this.handlers.onState(changed[AGENT_STATE]);
    });
    room.on(LK.RoomEvent.ParticipantDisconnected, (p) => {
      if (this.#isAgent(p)) this.handlers.onState('gone');
    });
    room.on(LK.RoomEvent.TrackSubscribed, (track, publication, p) => {
      if (track.kind === LK.Track.Kind.Audio && p !== room.localParticipant) this.handlers.onAgentAudio(track);
    });
    room.on(LK.RoomEvent.TrackUnsubscribed, (track) => {
      if (track.kind === LK.Track.Kind.Audio) track.detach().forEach((el) => el.remove());
    });
    room.on(LK.RoomEvent.AudioPlaybackStatusChanged, () => this.handlers.onAudioBlocked(!room.canPlaybackAudio));
    room.on(LK.RoomEvent.Disconnected, (reason) => {
      if (this.ended) return;
      this.ended = true;
      this.handlers.onEnded({ reason, removed: reason === LK.DisconnectReason.PARTICIPANT_REMOVED });
    });
    room.registerTextStreamHandler(TRANSCRIPTION, (reader, from) => this.#caption(reader, from));
    await room.connect(url, token);
    room.remoteParticipants.forEach((p) => this.#seeAgent(p));
  }

  /** Publishes the microphone; false (and the call goes on, typed) when there is none or it is refused. */
  async enableMicrophone() {
    try {
      await this.room.localParticipant.setMicrophoneEnabled(true);
      const pub = this.room.localParticipant.getTrackPublication(this.LK.Track.Source.Microphone);
      if (pub?.track) this.handlers.onMicLevel?.(pub.track);
      return true;
    } catch {
      return false;
    }
  }

  async setMuted(muted) {
    await this.room.localParticipant.setMicrophoneEnabled(!muted);
  }

  async say(text) {
    await this.room.localParticipant.sendText(text, { topic: CHAT });
  }

  startAudio() {
    return this.room.startAudio();
  }

  async hangUp() {
    this.ended = true;
    if (this.room) await this.room.disconnect();
  }

  #isAgent(p) {
    return p.kind === this.LK.ParticipantKind?.AGENT || AGENT_STATE in (p.attributes ?? {});
  }

  #seeAgent(p) {
    if (!this.#isAgent(p)) return;
    this.handlers.onState(p.attributes?.[AGENT_STATE] ?? 'joining');
  }

  /**
   * Each stream carries one segment: an agent's reply arrives in pieces (appended), a person's
   * interim transcripts arrive as whole new streams for the same segment (each replaces the last).
   */
  async #caption(reader, from) {
    const attrs = reader.info.attributes ?? {};
    const id = attrs['lk.segment_id'] ?? reader.info.id;
    const final = attrs['lk.transcription_final'] === 'true';
    const speaker = this.#spokenBy(attrs['lk.transcribed_track_id'], from.identity);
    let text = '';
    for await (const chunk of reader) {
      text += chunk;
      this.handlers.onCaption({ id, speaker, text, final: false });
    }
    this.handlers.onCaption({ id, speaker, text, final });
  }

  #spokenBy(trackId, identity) {
    const local = this.room.localParticipant;
    if (identity === local.identity) return 'user';
    if (trackId && [...local.trackPublications.values()].some((pub) => pub.trackSid === trackId)) return 'user';
    return 'agent';
  }
}
