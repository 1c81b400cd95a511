// Test participant for the agent's end-to-end tests: joins a LiveKit room, publishes tone bursts as
// its microphone, listens to the agent's track, and prints JSON lines (one per event, then a result).
// Installed dependencies live in .peers/agent-peer/node_modules (scripts/install-livekit); run with
// NODE_PATH pointing there. Configuration comes from the environment, see `env` below.
const {
  Room, RoomEvent, AudioSource, AudioFrame, LocalAudioTrack, AudioStream,
  TrackPublishOptions, TrackSource, TrackKind, ParticipantKind, dispose,
} = require('@livekit/rtc-node');
const { AccessToken, RoomConfiguration, RoomAgentDispatch } = require('livekit-server-sdk');

const env = {
  url: process.env.LK_URL,
  key: process.env.LK_API_KEY || 'devkey',
  secret: process.env.LK_API_SECRET || 'secret',
  room: process.env.LK_ROOM,
  identity: process.env.LK_IDENTITY || 'caller',
  toneHz: Number(process.env.TONE_HZ || 440),
  bursts: Number(process.env.BURSTS || 3),
  burstMs: Number(process.env.BURST_MS || 400),
  periodMs: Number(process.env.PERIOD_MS || 1500),
  waitAgentMs: Number(process.env.WAIT_AGENT_MS || 15000),
  chat: process.env.CHAT || '',
  data: process.env.DATA || '', // a data packet on topic "echo" once the agent is there
  stayMs: Number(process.env.STAY_MS || 0),
  rooms: Number(process.env.ROOMS || 1), // benchmark: this many rooms at once, named <LK_ROOM>-<n>
  startSpreadMs: Number(process.env.START_SPREAD_MS || 0), // benchmark: pause between room joins
  agentName: process.env.AGENT_NAME || '', // explicit dispatch of the named agent through the token
  // JSON attributes the caller sets on itself once the agent is there (an update the agent should see)
  setAttributes: process.env.SET_ATTRIBUTES ? JSON.parse(process.env.SET_ATTRIBUTES) : null,
};
const RATE = 48000;
// 10 ms frames by default; the benchmark uses longer ones (FRAME_MS) to keep the Node side light
const FRAME_MS = Number(process.env.FRAME_MS || 10);
const FRAME = 48 * FRAME_MS;

const out = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint() / 1000000n);

function rms(samples) {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}

// Strongest frequency between 100 and 4000 Hz, by Goertzel power on a 5 Hz grid.
function dominantHz(samples) {
  let best = 0, bestPower = -1;
  for (let f = 100; f <= 4000; f += 5) {
    const w = (2 * Math.PI * f) / RATE, c = 2 * Math.cos(w);
    let s1 = 0, s2 = 0;
    for (const x of samples) { const s0 = x + c * s1 - s2; s2 = s1; s1 = s0; }
    const power = s1 * s1 + s2 * s2 - c * s1 * s2;
    if (power > bestPower) { bestPower = power; best = f; }
  }
  return best;
}

async function runRoom(roomName, identity) {
  const at = new AccessToken(env.key, env.secret, {
    identity, name: 'Test Caller', metadata: '{"plan":"test"}', attributes: { 'mindbot.lang': 'en' },
  });
  at.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true, canPublishData: true,
    canUpdateOwnMetadata: !!env.setAttributes });
  if (env.agentName) {
    at.roomConfig = new RoomConfiguration({ agents: [new RoomAgentDispatch({ agentName: env.agentName })] });
  }
  const token = await at.toJwt();

  const room = new Room();
  let agentSeen = null;
  const toneStarts = [];
  const echoOnsets = [];
  const echoed = [];
  let listening = true;
  let agentAudio = null;
  let loudMs = 0;

  room.on(RoomEvent.ParticipantConnected, (p) => {
    out({ event: 'participant', identity: p.identity, kind: p.kind, agent: p.kind === ParticipantKind.AGENT });
  });
  room.on(RoomEvent.TrackSubscribed, (track, pub, participant) => {
    if (track.kind !== TrackKind.KIND_AUDIO || participant.kind !== ParticipantKind.AGENT) return;
    agentSeen = participant.identity;
    out({ event: 'agent_track', identity: participant.identity });
    agentAudio = (async () => {
      let inEcho = false;
      for await (const frame of new AudioStream(track, { sampleRate: RATE, numChannels: 1, frameSizeMs: FRAME_MS })) {
        if (!listening) break;
        const level = rms(frame.data);
        const t = now();
        if (level > 1000) {
          loudMs += (frame.samplesPerChannel * 1000) / RATE;
          if (!inEcho && toneStarts.length > echoOnsets.length) {
            echoOnsets.push(t);
            inEcho = true;
          }
          if (echoed.length < RATE) echoed.push(...frame.data);
        } else if (level < 200) {
          inEcho = false;
        }
      }
    })();
  });
  room.on(RoomEvent.DataReceived, (payload, participant, kind, topic) => {
    out({ event: 'data', from: participant && participant.identity, topic, text: Buffer.from(payload).toString('utf8') });
  });
  room.on(RoomEvent.Disconnected, (reason) => out({ event: 'disconnected', reason }));
  room.registerTextStreamHandler('lk.chat', async (reader, info) => {
    out({ event: 'text', from: info.identity, text: await reader.readAll() });
  });
  room.registerTextStreamHandler('lk.transcription', async (reader, info) => {
    const attributes = (reader.info && reader.info.attributes) || {};
    out({ event: 'transcription', from: info.identity, text: await reader.readAll(), attributes });
  });
  room.on(RoomEvent.ParticipantAttributesChanged, (changed, participant) => {
    out({ event: 'attributes', identity: participant.identity, changed, attributes: participant.attributes });
  });
  room.on(RoomEvent.ParticipantMetadataChanged, (previous, participant) => {
    out({ event: 'metadata', identity: participant.identity, metadata: participant.metadata });
  });

  await room.connect(env.url, token, { autoSubscribe: true, dynacast: false });
  out({ event: 'connected', room: roomName });

  const source = new AudioSource(RATE, 1, 2 * FRAME_MS);
  const track = LocalAudioTrack.createAudioTrack('mic', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant.publishTrack(track, options);

  const deadline = now() + env.waitAgentMs;
  const silence = new Int16Array(FRAME);
  // Silence until the agent's track is here, so every burst can be heard back.
  while (!agentSeen && now() < deadline) {
    await source.captureFrame(new AudioFrame(silence, RATE, 1, FRAME));
  }
  if (!agentSeen) {
    out({ event: 'result', room: roomName, agent: null, error: 'no agent track within ' + env.waitAgentMs + ' ms' });
    await room.disconnect();
    return false;
  }
  if (env.chat) {
    await room.localParticipant.sendText(env.chat, { topic: 'lk.chat' });
  }
  if (env.setAttributes) {
    // the agent's track shows up a moment before the agent takes events: until then a change is
    // only part of the state it is given on starting, not an update
    await sleep(1000);
    await room.localParticipant.setAttributes(env.setAttributes);
  }
  if (env.data) {
    await room.localParticipant.publishData(Buffer.from(env.data, 'utf8'), { reliable: true, topic: 'echo' });
  }
  let phase = 0;
  const start = now();
  for (let n = 0; n < env.bursts; n++) {
    const burstStart = start + n * env.periodMs;
    while (now() < burstStart + env.periodMs) {
      const t = now();
      const on = t >= burstStart && t < burstStart + env.burstMs;
      if (on && toneStarts.length === n) toneStarts.push(t);
      const data = new Int16Array(FRAME);
      if (on) {
        for (let i = 0; i < FRAME; i++) {
          data[i] = Math.round(10000 * Math.sin(phase));
          phase += (2 * Math.PI * env.toneHz) / RATE;
        }
      }
      await source.captureFrame(new AudioFrame(data, RATE, 1, FRAME));
    }
  }
  await sleep(300);
  listening = false;
  const latencies = echoOnsets.map((t, i) => t - toneStarts[i]);
  out({
    event: 'result',
    room: roomName,
    agent: agentSeen,
    // milliseconds of tone heard back versus sent: less means the echo had gaps
    echoMs: Math.round(loudMs),
    sentMs: toneStarts.length * env.burstMs,
    sentHz: env.toneHz,
    echoHz: echoed.length >= 4800 ? dominantHz(echoed.slice(0, 9600)) : 0,
    echoRms: echoed.length ? Math.round(rms(echoed)) : 0,
    bursts: toneStarts.length,
    echoes: echoOnsets.length,
    latenciesMs: latencies,
  });
  if (env.stayMs > 0) await sleep(env.stayMs);
  // a disconnect can hang when the machine is overloaded; the result is already out
  await Promise.race([room.disconnect(), sleep(5000)]);
  return echoOnsets.length === toneStarts.length;
}

async function main() {
  // never outlive the longest possible run: an overloaded machine can leave a room hanging
  const deadline = env.rooms * env.startSpreadMs + env.waitAgentMs + env.bursts * env.periodMs + env.stayMs + 30000;
  setTimeout(() => {
    out({ event: 'error', message: 'watchdog: still running after ' + deadline + ' ms' });
    process.exit(4);
  }, deadline).unref();
  const runs = [];
  for (let n = 0; n < env.rooms; n++) {
    const name = env.rooms === 1 ? env.room : `${env.room}-${n}`;
    runs.push(runRoom(name, env.identity));
    if (env.startSpreadMs > 0) await sleep(env.startSpreadMs);
  }
  const results = await Promise.all(runs);
  await Promise.race([dispose(), sleep(5000)]);
  process.exit(results.every(Boolean) ? 0 : 3);
}

main().catch(async (e) => {
  out({ event: 'error', message: String(e && e.stack || e) });
  process.exit(1);
});
