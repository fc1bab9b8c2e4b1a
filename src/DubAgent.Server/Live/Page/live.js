// DubAgent /live: streams the microphone or a tab's audio to /ws/{connection_id}/{session_id} as 16 kHz PCM16,
// shows transcripts and translations, and plays the dubbed audio in order. Plain browser APIs only.
(() => {
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(location.search).get("token");
  const connectionId = "page-" + Math.random().toString(36).slice(2, 10);
  let socket = null, context = null, source = null, processor = null, stream = null, playAt = 0, pieces = 0, seconds = 0;

  function status(text, error) { $("status").textContent = text; $("status").className = error ? "error" : ""; }

  function row(list, id, text, partial, meta) {
    let item = document.getElementById(list + "-" + id);
    if (!item) { item = document.createElement("li"); item.id = list + "-" + id; $(list).appendChild(item); }
    item.className = partial ? "partial" : "";
    item.textContent = text;
    if (meta) { const span = document.createElement("span"); span.className = "meta"; span.textContent = meta; item.appendChild(span); }
  }

  function play(base64, rate) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const samples = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
    const buffer = context.createBuffer(1, samples.length, rate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) channel[i] = samples[i] / 32768;
    const node = context.createBufferSource();
    node.buffer = buffer;
    node.connect(context.destination);
    playAt = Math.max(playAt, context.currentTime);
    node.start(playAt);
    playAt += buffer.duration;
    pieces++;
    seconds += buffer.duration;
    $("received").textContent = "Dubbed audio: " + pieces + " pieces, " + seconds.toFixed(1) + " s";
  }

  function onMessage(event) {
    const m = JSON.parse(event.data);
    if (m.type === "transcript") row("transcript", m.segment_id, m.text, !m.final, m.final ? m.speaker : "");
    else if (m.type === "translation") row("translation", m.segment_id, m.text, false);
    else if (m.type === "dubbed_audio") { play(m.audio_data, m.sample_rate); status("Dubbing: last latency " + Math.round(m.latency_ms.total) + " ms"); }
    else if (m.type === "error") status(m.message + " " + m.hint, true);
    else if (m.type === "speaker") row("transcript", "speaker-" + m.speaker, m.speaker + " is " + m.actor + (m.voice ? " (voice " + m.voice + ")" : ""), false);
    else if (m.type === "session") status("Session " + m.state + (m.note ? " (" + m.note + ")" : ""));
  }

  // Downsamples the context's rate to 16 kHz by averaging, and converts to little-endian PCM16.
  function toPcm16(input, fromRate) {
    const ratio = fromRate / 16000, length = Math.floor(input.length / ratio), out = new Int16Array(length);
    for (let i = 0; i < length; i++) {
      let sum = 0, count = 0;
      for (let j = Math.floor(i * ratio); j < Math.floor((i + 1) * ratio) && j < input.length; j++) { sum += input[j]; count++; }
      const v = Math.max(-1, Math.min(1, count ? sum / count : 0));
      out[i] = v < 0 ? v * 32768 : v * 32767;
    }
    return out.buffer;
  }

  async function start(capture) {
    try {
      stream = capture === "tab"
        ? await navigator.mediaDevices.getDisplayMedia({ audio: true, video: true })
        : await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } });
    } catch (e) { status("No audio: " + e.message, true); return; }
    context = new AudioContext();
    const sessionId = "s-" + Date.now().toString(36);
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/" + connectionId + "/" + sessionId + (token ? "?token=" + encodeURIComponent(token) : "");
    socket = new WebSocket(url);
    socket.onmessage = onMessage;
    socket.onclose = () => status("Disconnected.");
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: "start_dubbing", source_language: $("source").value, target_language: $("target").value, preserve_voice: $("preserve").checked }));
      source = context.createMediaStreamSource(stream);
      processor = context.createScriptProcessor(4096, 1, 1);
      processor.onaudioprocess = (e) => { if (socket.readyState === 1) socket.send(toPcm16(e.inputBuffer.getChannelData(0), context.sampleRate)); };
      source.connect(processor);
      processor.connect(context.destination);
      $("stop").disabled = false;
    };
  }

  function stop() {
    if (processor) processor.disconnect();
    if (source) source.disconnect();
    if (stream) stream.getTracks().forEach((t) => t.stop());
    if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: "stop_dubbing" }));
    $("stop").disabled = true;
  }

  $("mic").onclick = () => start("mic");
  $("tab").onclick = () => start("tab");
  $("stop").onclick = stop;
})();
