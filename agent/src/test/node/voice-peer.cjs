// Test participant for the voice agent's end-to-end tests and benchmarks: joins a LiveKit room as a
// person would (microphone always live, silence between utterances), runs a script of steps (play a
// WAV file of speech, type a chat line, wait for the agent to speak or fall silent, leave), and
// prints JSON lines: the agent's state attribute, every transcript segment, when the agent's audio
// starts and stops, and a result. Run with NODE_PATH=.peers/agent-peer/node_modules.
//
// Environment: LK_URL, and LK_TOKEN (a token from /auth/token) or LK_API_KEY/LK_API_SECRET/LK_ROOM/
// LK_IDENTITY to mint one; STEPS, a JSON array of steps:
//   {"wait_agent": ms}                 the agent's audio track is subscribed
//   {"wait_speech": ms}                the agent starts speaking (audio above the speech level)
//   {"wait_silence": ms, "quiet": ms}  the agent has been quiet for `quiet` ms (its turn is over)
//   {"play": "file.wav"}               speak a 16-bit mono WAV (any of 16/24/48 kHz) in real time
//   {"play_async": "file.wav"}         start speaking and go on to the next step at once
//   {"chat": "text"}                   type on lk.chat
//   {"sleep": ms}, {"leave": true}
const fs = require('fs');
const {
  Room, RoomEvent, AudioSource, AudioFrame, LocalAudioTrack, AudioStream,
  TrackPublishOptions, TrackSource, TrackKind, ParticipantKind, dispose,
} = require('@livekit/rtc-node');
const { AccessToken } = require('livekit-server-sdk');

const RATE = 48000;
const FRAME = 480; // 10 ms
const SPEECH_RMS = Number(process.env.SPEECH_RMS || 400);
const QUIET_RMS = Number(process.env.QUIET_RMS || 150);
const GAP_MS = Number(process.env.GAP_MS || 350); // pauses between words shorter than this are one utterance

const out = (event) => process.stdout.write(JSON.stringify({ t: now(), ...event }) + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Number(process.hrtime.bigint() / 1000000n);
function now() { return Number(process.hrtime.bigint() / 1000000n) - t0; }

function rms(samples) {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}

/** 16-bit mono PCM from a WAV file, resampled to 48 kHz by linear interpolation (test input only). */
function readWav(path) {
  const buf = fs.readFileSync(path);
  let pos = 12, rate = 0, channels = 0, bits = 0, data = null;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4), size = buf.readUInt32LE(pos + 4);
    if (id === 'fmt ') { channels = buf.readUInt16LE(pos + 10); rate = buf.readUInt32LE(pos + 12); bits = buf.readUInt16LE(pos + 22); }
    if (id === 'data') { data = buf.subarray(pos + 8, Math.min(buf.length, pos + 8 + size)); break; }
    pos += 8 + size + (size & 1);
  }
  if (!data || bits !== 16) throw new Error(path + ': not a 16-bit PCM WAV');
  const n = Math.floor(data.length / 2 / channels);
  const mono = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < channels; c++) s += data.readInt16LE(2 * (i * channels + c));
    mono[i] = s / channels;
  }
  const outN = Math.floor((n * RATE) / rate);
  const pcm = new Int16Array(outN);
  for (let i = 0; i < outN; i++) {
    const x = (i * rate) / RATE, k = Math.floor(x), f = x - k;
    const a = mono[k] || 0, b = mono[Math.min(n - 1, k + 1)] || 0;
    pcm[i] = Math.round(a + (b - a) * f);
  }
  return pcm;
}

async function token() {
  if (process.env.LK_TOKEN) return process.env.LK_TOKEN;
  const at = new AccessToken(process.env.LK_API_KEY || 'devkey', process.env.LK_API_SECRET || 'secret', {
    identity: process.env.LK_IDENTITY || 'caller', name: process.env.LK_NAME || 'Test Caller',
  });
  at.addGrant({ roomJoin: true, room: process.env.LK_ROOM, canPublish: true, canSubscribe: true, canPublishData: true });
  return at.toJwt();
}

async function main() {
  const steps = JSON.parse(process.env.STEPS || '[]');
  const watchdog = Number(process.env.WATCHDOG_MS || 120000);
  setTimeout(() => { out({ event: 'error', message: 'watchdog: still running after ' + watchdog + ' ms' }); process.exit(4); }, watchdog).unref();

  const room = new Room();
  let agent = null;
  let speaking = false, lastLoud = -1, speechStarts = [], speechEnds = [], heardMs = 0;
  const transcripts = [], states = [];
  let removed = false;

  room.on(RoomEvent.ParticipantAttributesChanged, (changed, participant) => {
    if (participant && participant.kind === ParticipantKind.AGENT && changed['lk.agent.state'] !== undefined) {
      states.push(changed['lk.agent.state']);
      out({ event: 'agent_state', state: changed['lk.agent.state'] });
    }
  });
  room.on(RoomEvent.TrackSubscribed, (track, pub, participant) => {
    if (track.kind !== TrackKind.KIND_AUDIO || participant.kind !== ParticipantKind.AGENT) return;
    agent = participant.identity;
    out({ event: 'agent_track', identity: agent });
    (async () => {
      for await (const frame of new AudioStream(track, { sampleRate: RATE, numChannels: 1, frameSizeMs: 10 })) {
        const level = rms(frame.data), t = now();
        if (level > SPEECH_RMS) {
          heardMs += 10;
          if (!speaking) { speaking = true; speechStarts.push(t); out({ event: 'agent_audio_on', rms: Math.round(level) }); }
          lastLoud = t;
        } else if (speaking && level < QUIET_RMS && t - lastLoud > GAP_MS) {
          speaking = false; speechEnds.push(lastLoud); out({ event: 'agent_audio_off', at: lastLoud });
        }
      }
    })();
  });
  room.registerTextStreamHandler('lk.transcription', async (reader, info) => {
    const attributes = (reader.info && reader.info.attributes) || {};
    const text = await reader.readAll();
    const segment = { from: info.identity, text, final: attributes['lk.transcription_final'] === 'true',
      segment: attributes['lk.segment_id'] || '', track: attributes['lk.transcribed_track_id'] || '' };
    transcripts.push(segment);
    out({ event: 'transcript', ...segment });
  });
  room.registerTextStreamHandler('lk.chat', async (reader, info) => {
    out({ event: 'chat', from: info.identity, text: await reader.readAll() });
  });
  room.on(RoomEvent.Disconnected, (reason) => { removed = true; out({ event: 'disconnected', reason }); });

  await room.connect(process.env.LK_URL, await token(), { autoSubscribe: true, dynacast: false });
  out({ event: 'connected', identity: room.localParticipant.identity, room: room.name });

  // the microphone: always sending, speech when a step plays a file, silence otherwise
  const source = new AudioSource(RATE, 1, 100);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant.publishTrack(track, options);
  let queue = null, queuePos = 0, playDone = null;
  let micRunning = true;
  const mic = (async () => {
    let next = now();
    while (micRunning && !removed) {
      const frame = new Int16Array(FRAME);
      if (queue) {
        frame.set(queue.subarray(queuePos, Math.min(queue.length, queuePos + FRAME)));
        queuePos += FRAME;
        if (queuePos >= queue.length) { queue = null; const d = playDone; playDone = null; d && d(now()); }
      }
      await source.captureFrame(new AudioFrame(frame, RATE, 1, FRAME));
      next += 10;
      const wait = next - now();
      if (wait > 0) await sleep(wait);
    }
  })();
  const play = (file) => new Promise((resolve) => {
    queue = readWav(file); queuePos = 0; playDone = resolve;
    out({ event: 'play_start', file, ms: Math.round((queue.length / RATE) * 1000) });
  });

  const until = async (cond, timeout, what) => {
    const deadline = now() + timeout;
    while (!cond()) {
      if (now() > deadline || removed) throw new Error('timed out waiting for ' + what);
      await sleep(10);
    }
  };

  let failed = null;
  try {
    for (const step of steps) {
      if (step.wait_agent !== undefined) await until(() => agent, step.wait_agent, 'the agent');
      else if (step.wait_speech !== undefined) {
        const seen = speechStarts.length;
        await until(() => speechStarts.length > seen || speaking, step.wait_speech, 'the agent to speak');
      } else if (step.wait_silence !== undefined) {
        const quiet = step.quiet || 1500;
        await until(() => !speaking && now() - Math.max(lastLoud, 0) > quiet, step.wait_silence, 'the agent to be quiet');
      } else if (step.play !== undefined) {
        const end = await play(step.play);
        out({ event: 'play_end', file: step.play, at: end });
      } else if (step.play_async !== undefined) {
        play(step.play_async).then((end) => out({ event: 'play_end', file: step.play_async, at: end }));
      } else if (step.chat !== undefined) {
        await room.localParticipant.sendText(step.chat, { topic: 'lk.chat' });
        out({ event: 'chat_sent', text: step.chat });
      } else if (step.sleep !== undefined) await sleep(step.sleep);
      else if (step.leave) break;
      out({ event: 'step_done', step });
    }
  } catch (e) {
    failed = String(e.message || e);
  }
  micRunning = false;
  await mic;
  out({ event: 'result', agent, error: failed, removed, heardMs, speechStarts, speechEnds, states, transcripts });
  await Promise.race([room.disconnect(), sleep(5000)]);
  await Promise.race([dispose(), sleep(5000)]);
  process.exit(failed ? 3 : 0);
}

main().catch((e) => { out({ event: 'error', message: String(e && e.stack || e) }); process.exit(1); });
