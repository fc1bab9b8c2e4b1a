// New dub: fills the choices from /api/options, then posts the form and opens the job page.
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const form = document.getElementById("dub-form");
  const status = document.getElementById("form-status");
  for (const name of ["original_volume", "voice_volume", "music_volume", "duck_depth_db"]) {
    const input = document.getElementById(name), output = document.getElementById(name + "_out");
    const show = () => { output.textContent = name === "duck_depth_db" ? input.value : Number(input.value).toFixed(2); };
    input.addEventListener("input", show); show();
  }
  const loudness = document.getElementById("loudness"), custom = document.getElementById("loudness_target_lufs");
  loudness.addEventListener("change", () => { custom.disabled = loudness.value !== "custom"; });
  const original = document.getElementById("include_original"), originalVolume = document.getElementById("original_volume");
  original.addEventListener("change", () => { originalVolume.disabled = !original.checked; });

  // Batch: a small table per voice set (every speaker, then SPEAKER_00..03, more on demand up to SPEAKER_15), sent as
  // batch_set_N_WHO fields.
  const sets = document.getElementById("voice-sets");
  const addSet = () => {
    const n = sets.children.length + 1;
    if (n > 8) return;
    const row = (who, title) => {
      const id = `batch_set_${n}_${who}`;
      return studio.el("tr", {}, studio.el("th", { scope: "row" }, studio.el("label", { for: id, text: title })),
        studio.el("td", {}, studio.el("input", { id, name: id, type: "text", list: "batch-voice-names", autocomplete: "off", "aria-label": `Voice set ${n}: ${title}` })));
    };
    const speaker = i => `SPEAKER_${String(i).padStart(2, "0")}`;
    const body = studio.el("tbody", {}, row("default", "Every speaker"), ...[0, 1, 2, 3].map(i => row(speaker(i), speaker(i))));
    const more = studio.el("button", { type: "button", text: "Add a speaker", "aria-label": `Add a speaker to voice set ${n}` });
    more.addEventListener("click", () => {
      const next = body.children.length - 1;
      if (next >= 16) { more.disabled = true; return; }
      body.append(row(speaker(next), speaker(next)));
      body.lastChild.querySelector("input").focus();
      more.disabled = next + 1 >= 16;
    });
    sets.append(studio.el("fieldset", { class: "voice-set" }, studio.el("legend", { text: `Voice set ${n}` }),
      studio.el("table", {}, studio.el("thead", {}, studio.el("tr", {}, studio.el("th", { scope: "col", text: "Speaker" }), studio.el("th", { scope: "col", text: "Voice" }))),
        body), more));
    sets.lastChild.querySelector("input").focus();
  };
  document.getElementById("add-set").addEventListener("click", addSet);

  try {
    const options = await studio.get("/api/options");
    const fill = (select, values, chosen) => { for (const v of values) select.append(studio.el("option", { value: v, selected: v === chosen, text: v })); };
    fill(document.getElementById("source_language"), options.sources, "auto");
    fill(document.getElementById("target_language"), options.targets, options.targets.includes("es") ? "es" : options.targets[0]);
    fill(document.getElementById("picked_video"), options.videos, null);
    document.getElementById("upload-limit").textContent = `Uploads up to ${options.max_upload}.`;
    document.getElementById("roots-note").textContent = options.roots.length ? `Allowed folders: ${options.roots.join(", ")}` : "No --root folder was given: upload the video.";
    const engines = document.getElementById("engines");
    for (const [stage, list] of Object.entries(options.engines)) {
      const select = studio.el("select", { id: `engine_${stage}`, name: `engine_${stage}` }, studio.el("option", { value: "auto", text: "auto" }));
      for (const e of list) select.append(studio.el("option", { value: e.name, disabled: !e.available, text: e.available ? e.name : `${e.name} (unavailable: ${e.missing || "not installed"})` }));
      const help = list.filter(e => !e.available && e.install).map(e => `${e.name}: ${e.install}`).join(" · ");
      engines.append(studio.el("div", {}, studio.el("label", { for: `engine_${stage}`, text: stage }), select, studio.el("p", { class: "hint", text: help })));
    }
    // The batch's voice names: what the synthesis engines that run here offer in the target language.
    const target = document.getElementById("target_language");
    const names = async () => {
      const lists = await Promise.all((options.engines.synthesize || []).filter(e => e.available).map(e =>
        studio.get(`/api/library/engines/${encodeURIComponent(e.name)}?language=${encodeURIComponent(target.value)}`).then(a => a.voices).catch(() => [])));
      document.getElementById("batch-voice-names").replaceChildren(...[...new Set(lists.flat().map(v => v.name))].sort().map(v => studio.el("option", { value: v })));
    };
    target.addEventListener("change", names); names();
  } catch (e) { status.textContent = `The studio could not load its choices: ${e.message}`; }

  form.addEventListener("submit", async event => {
    event.preventDefault();
    const start = document.getElementById("start");
    start.disabled = true; status.textContent = ""; status.className = "";
    status.textContent = "Uploading and starting…";
    try {
      const data = new FormData(form);
      if (!data.get("video") || data.get("video").size === 0) data.delete("video");
      if (!data.get("music") || data.get("music").size === 0) data.delete("music");
      const started = await studio.send("POST", "/api/dubs", data);
      location.assign(started.url);
    } catch (e) { status.className = "error"; status.textContent = e.message; start.disabled = false; }
  });
});
