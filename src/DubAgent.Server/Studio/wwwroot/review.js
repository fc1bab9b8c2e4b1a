// Review: the dub's lines with their fit; play a line in the original and in the dub; edit a line and re-render.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const id = studio.jobId(), base = `/api/jobs/${encodeURIComponent(id)}`;
  const $ = name => document.getElementById(name);
  $("job-link").textContent = id;
  $("job-link").href = `/jobs/${encodeURIComponent(id)}`;
  $("original").src = `${base}/source`;
  let stopAt = null;
  for (const player of [$("original"), $("dubbed")])
    player.addEventListener("timeupdate", () => { if (stopAt !== null && player.currentTime >= stopAt) { player.pause(); stopAt = null; } });
  const play = (player, s) => { $("original").pause(); $("dubbed").pause(); stopAt = s.end; player.currentTime = s.start; player.play(); };

  const fit = s => {
    const parts = [];
    if (s.fit_ratio != null) parts.push(`fit ${Number(s.fit_ratio).toFixed(2)}`);
    if (s.stretch_ratio != null) parts.push(`stretch ${Number(s.stretch_ratio).toFixed(2)}×`);
    if (s.overflow_seconds) parts.push(`overflow ${Number(s.overflow_seconds).toFixed(2)} s`);
    return studio.el("td", { class: (s.fit_ratio > 1.1 || s.overflow_seconds > 0) ? "bad-fit" : null, text: parts.join(", ") });
  };

  // After a change: follow the run again in the same job, then show the new lines and video.
  const rerender = async (url, body, button) => {
    button.disabled = true; $("error").textContent = "";
    try {
      const answer = await studio.send("POST", url, body);
      if (!answer.changed) { $("status").textContent = "Nothing changed."; button.disabled = false; return; }
      $("status").textContent = "Re-rendering what changed…";
      studio.follow(id, job => {
        $("status").textContent = `${job.state}: ${Math.round(job.percent)} % ${job.message || ""}`;
        if (job.error) $("error").textContent = job.error;
      }, async () => { await load(); $("status").textContent = "Done: the player above shows the new dub."; });
    } catch (e) { $("error").textContent = e.message; button.disabled = false; }
  };
  const save = (s, textarea, button) => rerender(`${base}/segments/${encodeURIComponent(s.id)}`, { target_text: textarea.value }, button);

  const loadVoices = async () => {
    try {
      const cast = await studio.get(`${base}/voices`);
      $("voices").replaceChildren(...cast.speakers.map((speaker, i) => {
        const select = studio.el("select", { id: `voice-${i}` });
        for (const v of cast.voices) select.append(studio.el("option", { value: v, selected: v === speaker.voice, text: v }));
        const button = studio.el("button", { type: "button", text: "Recast", "aria-label": `Recast ${speaker.speaker}` });
        button.addEventListener("click", () => rerender(`${base}/voices`, { speaker: speaker.speaker, voice: select.value }, button));
        return studio.el("div", {}, studio.el("label", { for: `voice-${i}`, text: `Voice of ${speaker.speaker} (${cast.engine})` }), select, button);
      }));
    } catch (e) { $("voices").replaceChildren(studio.el("p", { class: "hint", text: e.message })); }
  };

  const subtitle = f => /\.([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.(srt|vtt)$/.exec(f.path);
  const load = async () => {
    try {
      const job = await studio.get(base);
      const video = job.files.find(f => f.deliverable && /\.mp4$/i.test(f.path));
      if (video) $("dubbed").src = `${video.url}?v=${Date.now()}`;
      $("downloads").replaceChildren(...job.files.filter(f => f.deliverable && !subtitle(f)).map(f => studio.el("li", {}, studio.el("a", { href: `${f.url}?download=1`, text: f.path }))));
      // The export's subtitle files (both languages for a studio dub), named NAME.LANGUAGE.srt/.vtt.
      const tracks = job.files.filter(f => f.deliverable && subtitle(f)).sort((a, b) => a.path.localeCompare(b.path));
      $("subtitles").replaceChildren(...(tracks.length ? tracks.map(f => { const [, language, format] = subtitle(f);
        return studio.el("li", {}, studio.el("a", { href: `${f.url}?download=1`, "data-language": language, "data-format": format,
          text: `${language === job.target_language ? "Dub" : "Original"} (${language}) · ${format.toUpperCase()}` }), ` ${f.path}`); })
        : [studio.el("li", { class: "hint", text: "No subtitles yet: they come with the export." })]));
      const segments = await studio.get(`${base}/segments`);
      $("segments").replaceChildren(...segments.map((s, i) => {
        const textarea = studio.el("textarea", { id: `line-${i}`, rows: 2, "aria-label": `Translation of line ${i + 1}` });
        textarea.value = s.target_text || "";
        const button = studio.el("button", { type: "button", text: "Save" });
        button.addEventListener("click", () => save(s, textarea, button));
        const original = studio.el("button", { type: "button", class: "secondary", text: "Original", "aria-label": `Play line ${i + 1} in the original` });
        original.addEventListener("click", () => play($("original"), s));
        const dubbed = studio.el("button", { type: "button", class: "secondary", text: "Dub", "aria-label": `Play line ${i + 1} in the dub` });
        dubbed.addEventListener("click", () => play($("dubbed"), s));
        return studio.el("tr", { "data-segment": s.id },
          studio.el("th", { scope: "row", text: String(i + 1) }),
          studio.el("td", { text: `${studio.time(s.start)}–${studio.time(s.end)}` }),
          studio.el("td", { text: s.speaker || "" }),
          studio.el("td", { text: s.text || "" }),
          studio.el("td", {}, textarea, button),
          fit(s),
          studio.el("td", { text: s.voice || "" }),
          studio.el("td", {}, original, " ", dubbed));
      }));
    } catch (e) { $("error").textContent = e.message; }
    await loadVoices();
  };
  load();
});
