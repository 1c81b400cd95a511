// Callers for the voice rooms-per-core benchmark (scripts/bench-voice-rooms): ROOMS rooms at once, all
// in this one process, each a participant that asks a pre-recorded question (a WAV decoded once and
// shared), waits for the agent's answer, waits for it to end, pauses, and asks again. Cheap on
// purpose, as the echo benchmark learned: one process, long frames (FRAME_MS), no per-room decoding
// of the question. Prints one JSON result per room: turns asked, answered, and the voice-to-voice
// time as the caller hears it (its speech end -> the agent's audio above the speech level).
// Environment: LK_URL, LK_ROOM (rooms are <LK_ROOM>-<n>), ROOMS, TURNS, WAV, START_SPREAD_MS,
// FRAME_MS, PAUSE_MS; TOKENS (comma-separated LiveKit tokens, one per room, e.g. from /auth/token)
// instead of minting dev tokens; GREETING=1 to let the agent's greeting finish before the first
// question (its time is reported as greetingMs: joining -> greeting audio heard). Run with NODE_PATH=.peers/agent-peer/node_modules.
const fs = require('fs');
const {
  Room, RoomEvent, AudioSource, AudioFrame, LocalAudioTrack, AudioStream,
  TrackPublishOptions, TrackSource, TrackKind, ParticipantKind, dispose,
} = require('@livekit/rtc-node');
const { AccessToken } = require('livekit-server-sdk');

const RATE = 48000;
const FRAME_MS = Number(process.env.FRAME_MS || 20);
const FRAME = 48 * FRAME_MS;
const ROOMS = Number(process.env.ROOMS || 1);
const TURNS = Number(process.env.TURNS || 5);
const SPREAD_MS = Number(process.env.START_SPREAD_MS || 200);
const PAUSE_MS = Number(process.env.PAUSE_MS || 1000);
const ANSWER_TIMEOUT_MS = 10000;
const SPEECH_RMS = 400, QUIET_RMS = 150, QUIET_MS = 600;

const out = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint() / 1000000n);

function rms(samples) {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}

/** The question as 48 kHz 16-bit mono, read once for all rooms (16-bit mono WAV in, linear resampling). */
function readWav(path) {
  const buf = fs.readFileSync(path);
  let pos = 12, rate = 0, data = null;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('ascii', pos, pos + 4), size = buf.readUInt32LE(pos + 4);
    if (id === 'fmt ') rate = buf.readUInt32LE(pos + 12);
    if (id === 'data') { data = buf.subarray(pos + 8, Math.min(buf.length, pos + 8 + size)); break; }
    pos += 8 + size + (size & 1);
  }
  const n = Math.floor(data.length / 2), outN = Math.floor((n * RATE) / rate), pcm = new Int16Array(outN);
  for (let i = 0; i < outN; i++) {
    const x = (i * rate) / RATE, k = Math.floor(x), f = x - k;
    const a = data.readInt16LE(2 * Math.min(n - 1, k)), b = data.readInt16LE(2 * Math.min(n - 1, k + 1));
    pcm[i] = Math.round(a + (b - a) * f);
  }
  return pcm;
}
const QUESTION = readWav(process.env.WAV);
const SILENCE = new Int16Array(FRAME);

const TOKENS = (process.env.TOKENS || '').split(',').filter(Boolean);

async function token(n, roomName) {
  if (TOKENS.length) return TOKENS[n];
  const at = new AccessToken('devkey', 'secret', { identity: 'caller', name: 'Load Caller' });
  at.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true, canPublishData: true });
  return at.toJwt();
}

async function runRoom(roomName, n) {
  const room = new Room();
  let agentTrack = false, loud = false, lastLoud = 0, loudSince = 0;
  room.on(RoomEvent.TrackSubscribed, (track, pub, participant) => {
    if (track.kind !== TrackKind.KIND_AUDIO || participant.kind !== ParticipantKind.AGENT) return;
    (async () => {
      // rtc-node can throw here when the track went away again (seen under load at 20 rooms, when the
      // agent's signalling resumed): one room's failure must not end the process hosting all rooms
      const stream = new AudioStream(track, { sampleRate: RATE, numChannels: 1, frameSizeMs: FRAME_MS });
      agentTrack = true;
      for await (const frame of stream) {
        const level = rms(frame.data), t = now();
        if (level > SPEECH_RMS) { if (!loud) loudSince = t; loud = true; lastLoud = t; }
        else if (level < QUIET_RMS && t - lastLoud > QUIET_MS) loud = false;
      }
    })().catch((e) => out({ event: 'track_error', room: roomName, message: String(e) }));
  });
  const joinedAt = now();
  await room.connect(process.env.LK_URL, await token(n, roomName), { autoSubscribe: true, dynacast: false });
  const source = new AudioSource(RATE, 1, 2 * FRAME_MS);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant.publishTrack(track, options);

  // the microphone is always live: the question while asking, silence otherwise
  let speakFrom = -1, spoken = null, running = true;
  const mic = (async () => {
    while (running) {
      let frame = SILENCE;
      if (speakFrom >= 0) {
        frame = new Int16Array(FRAME);
        frame.set(QUESTION.subarray(speakFrom, Math.min(QUESTION.length, speakFrom + FRAME)));
        speakFrom += FRAME;
        if (speakFrom >= QUESTION.length) { speakFrom = -1; spoken(now()); }
      }
      await source.captureFrame(new AudioFrame(frame, RATE, 1, FRAME));
    }
  })();
  const waitUntil = async (ok, ms) => { const end = now() + ms; while (!ok() && now() < end) await sleep(10); return ok(); };
  const result = { event: 'result', room: roomName, asked: 0, answered: 0, v2vMs: [] };
  if (!(await waitUntil(() => agentTrack, 30000))) {
    result.error = 'no agent track';
  } else {
    if (process.env.GREETING === '1' && await waitUntil(() => loud, 15000)) {
      result.greetingMs = loudSince - joinedAt;
      await waitUntil(() => !loud, 20000);
    }
    await sleep(1000);
    for (let turn = 0; turn < TURNS; turn++) {
      const ended = await new Promise((resolve) => { spoken = resolve; speakFrom = 0; });
      result.asked++;
      if (await waitUntil(() => loud && loudSince > ended, ANSWER_TIMEOUT_MS)) {
        result.answered++;
        result.v2vMs.push(loudSince - ended);
        await waitUntil(() => !loud, 15000);
      }
      await sleep(PAUSE_MS + Math.random() * 500);
    }
  }
  running = false;
  await mic;
  out(result);
  await Promise.race([room.disconnect(), sleep(5000)]);
}

async function main() {
  const deadline = ROOMS * SPREAD_MS + 30000 + TURNS * 20000;
  setTimeout(() => { out({ event: 'error', message: 'watchdog after ' + deadline + ' ms' }); process.exit(4); }, deadline).unref();
  const runs = [];
  for (let n = 0; n < ROOMS; n++) {
    runs.push(runRoom(`${process.env.LK_ROOM}-${n}`, n).catch((e) => out({ event: 'result', room: n, error: String(e) })));
    await sleep(SPREAD_MS);
  }
  await Promise.all(runs);
  await Promise.race([dispose(), sleep(5000)]);
  process.exit(0);
}
main();
