// Voices page: the voice library's actors, creating one with consent, more recordings, a voice per language, deleting.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const $ = name => document.getElementById(name);
  const say = text => { $("status").textContent = text; $("error").textContent = ""; };
  const fail = e => { $("error").textContent = e.message; };
  const actorUrl = name => `/api/library/actors/${encodeURIComponent(name)}`;
  let engines = [];

  // The voices an engine really has (in the language typed), as the assignment's choices.
  const fillVoices = async (select, engine, language, current) => {
    // Only the last request fills the list: an earlier engine's answer arriving late is dropped.
    const ask = select.dataset.ask = String(Number(select.dataset.ask || 0) + 1);
    select.replaceChildren(studio.el("option", { value: "", text: "loading…" }));
    try {
      const answer = await studio.get(`/api/library/engines/${encodeURIComponent(engine)}?language=${encodeURIComponent(language)}`);
      if (select.dataset.ask !== ask) return;
      const options = answer.voices.map(v => studio.el("option", { value: v.name, selected: v.name === current, text: v.languages.length ? `${v.name} (${v.languages.slice(0, 3).join(", ")}${v.languages.length > 3 ? ", …" : ""})` : v.name }));
      select.replaceChildren(...(options.length ? options : [studio.el("option", { value: "", text: answer.available ? "no voice in this language" : `cannot run here: ${answer.missing || ""}` })]));
    } catch (e) { select.replaceChildren(studio.el("option", { value: "", text: e.message })); }
  };

  const assignForm = (actor, i) => {
    const id = field => `a${i}-${field}`;
    const input = (field, attributes) => studio.el("input", { id: id(field), ...attributes });
    const language = input("language", { type: "text", list: "languages", value: "es", autocomplete: "off" });
    const engine = studio.el("select", { id: id("engine") }, ...engines.filter(e => e.available).map(e => studio.el("option", { value: e.name, text: e.name })));
    const voice = studio.el("select", { id: id("voice") });
    const rate = input("rate", { type: "number", min: "0.5", max: "2", step: "0.05", placeholder: "1" });
    const pitch = input("pitch", { type: "number", min: "-12", max: "12", step: "0.5", placeholder: "0" });
    const refresh = () => { if (engine.value) fillVoices(voice, engine.value, language.value.trim()); };
    engine.addEventListener("change", refresh);
    language.addEventListener("change", refresh);
    const button = studio.el("button", { type: "submit", text: "Assign", "aria-label": `Assign the voice to ${actor.name}` });
    const form = studio.el("form", { class: "assign", "aria-label": `Voice of ${actor.name} in a language` },
      studio.el("div", { class: "grid" },
        studio.el("div", {}, studio.el("label", { for: id("language"), text: "Language" }), language),
        studio.el("div", {}, studio.el("label", { for: id("engine"), text: "Engine" }), engine),
        studio.el("div", {}, studio.el("label", { for: id("voice"), text: "Voice" }), voice),
        studio.el("div", {}, studio.el("label", { for: id("rate"), text: "Rate (1 = the voice's own)" }), rate),
        studio.el("div", {}, studio.el("label", { for: id("pitch"), text: "Pitch (semitones)" }), pitch)),
      button);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      button.disabled = true;
      try {
        await studio.send("POST", `${actorUrl(actor.name)}/assign`,
          { language: language.value, engine: engine.value, voice: voice.value, rate: rate.value, pitch: pitch.value });
        say(`${actor.name} now speaks ${language.value} as ${engine.value}: ${voice.value}.`);
        await load();
      } catch (e) { fail(e); button.disabled = false; }
    });
    refresh();
    return form;
  };

  // More recordings of the actor: uploads and/or a finished job's speaker, as `dubagent voices add` takes them.
  let jobSpeakers = [];
  const addClipsForm = (actor, i) => {
    const files = studio.el("input", { id: `c${i}-samples`, name: "samples", type: "file", multiple: true, accept: "audio/*,video/*" });
    const speaker = studio.el("select", { id: `c${i}-speaker`, name: "job_speakers" }, studio.el("option", { value: "", text: "(none)" }),
      ...jobSpeakers.map(s => studio.el("option", { value: s.key, text: `${s.speaker} of job ${s.job} (${s.seconds} s)` })));
    const button = studio.el("button", { type: "submit", text: "Add recordings", "aria-label": `Add recordings to ${actor.name}` });
    const form = studio.el("form", { class: "add-clips", "aria-label": `More recordings of ${actor.name}` },
      studio.el("div", { class: "grid" },
        studio.el("div", {}, studio.el("label", { for: `c${i}-samples`, text: "More recordings" }), files),
        studio.el("div", {}, studio.el("label", { for: `c${i}-speaker`, text: "From a job's speaker" }), speaker)),
      button);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      button.disabled = true;
      say(`Adding recordings to ${actor.name}…`);
      try {
        const updated = await studio.send("POST", `${actorUrl(actor.name)}/clips`, new FormData(form));
        say(`${actor.name} now has ${updated.clips} clip(s).`);
        await load();
      } catch (e) { $("status").textContent = ""; fail(e); button.disabled = false; }
    });
    return form;
  };

  const actorSection = (actor, i) => {
    const consents = [...actor.consents.map(c => `${c.consented_by}, ${new Date(c.date).toLocaleDateString()}: “${c.statement}”`),
      ...actor.cloned_voices.map(c => `cloned by ${c.engine} as ${c.voice_id} (consent of ${c.consented_by})`)];
    const remove = studio.el("button", { type: "button", class: "secondary", text: "Delete", "aria-label": `Delete ${actor.name} from the library` });
    remove.addEventListener("click", async () => {
      if (!confirm(`Delete ${actor.name}, their clips, voices and consent records from the library?`)) return;
      try { await studio.send("DELETE", actorUrl(actor.name)); say(`${actor.name} was deleted.`); await load(); } catch (e) { fail(e); }
    });
    return studio.el("section", { class: "actor", "data-actor": actor.name, "aria-labelledby": `actor-${i}` },
      studio.el("h3", { id: `actor-${i}`, text: actor.name }),
      studio.el("p", { class: "hint", text: [actor.note, `${actor.clips} clip(s), ${actor.clip_seconds} s`, actor.embedding_kinds.join(", ")].filter(Boolean).join(" · ") }),
      studio.el("ul", { class: "clips" }, ...(actor.clip_files || []).map((c, n) => studio.el("li", {},
        studio.el("audio", { controls: true, preload: "none", src: `${actorUrl(actor.name)}/clips/${c.sha256}`, "aria-label": `Clip ${n + 1} of ${actor.name}` }),
        ` ${Number(c.seconds).toFixed(1)} s${c.source ? ` from ${c.source.split("/").pop()}` : ""}`))),
      studio.el("p", { text: `Consent: ${consents.join(" · ") || "none recorded"}` }),
      studio.el("div", { class: "table-wrap" }, studio.el("table", {},
        studio.el("caption", { text: `Voices of ${actor.name}` }),
        studio.el("thead", {}, studio.el("tr", {}, ...["Language", "Engine", "Voice", "Rate", "Pitch"].map(h => studio.el("th", { scope: "col", text: h })))),
        studio.el("tbody", {}, ...actor.assignments.map(a => studio.el("tr", {},
          studio.el("th", { scope: "row", text: a.language }), studio.el("td", { text: a.engine }), studio.el("td", { text: a.voice }),
          studio.el("td", { text: a.rate == null ? "" : String(a.rate) }), studio.el("td", { text: a.pitch == null ? "" : String(a.pitch) })))))),
      assignForm(actor, i),
      addClipsForm(actor, i),
      studio.el("div", { class: "actions" }, remove));
  };

  const load = async () => {
    try {
      const library = await studio.get("/api/library");
      engines = library.engines;
      jobSpeakers = library.job_speakers;
      $("library").textContent = library.library;
      $("actors").replaceChildren(...(library.actors.length ? library.actors.map(actorSection) : [studio.el("p", { class: "hint", text: "No actor yet: create one below." })]));
      $("job_speakers").replaceChildren(...library.job_speakers.map(s =>
        studio.el("option", { value: s.key, text: `${s.speaker} of job ${s.job} (${s.lines} lines, ${s.seconds} s)` })));
      const cloners = engines.filter(e => e.clones && e.available);
      $("clone_engine").replaceChildren(studio.el("option", { value: "", text: "(no cloning: keep the samples and consent)" }),
        ...cloners.map(e => studio.el("option", { value: e.name, text: `clone with ${e.name}` })));
      const unavailable = engines.filter(e => e.clones && !e.available);
      $("clone-note").textContent = cloners.length ? "" : "No cloning engine can run here" +
        (unavailable.length ? ` (${unavailable.map(e => `${e.name}: ${e.missing || "unavailable"}`).join("; ")})` : "") + ": the samples and consent are kept for later.";
    } catch (e) { fail(e); }
  };

  $("create-form").addEventListener("submit", async event => {
    event.preventDefault();
    const button = event.target.querySelector("button[type=submit]");
    button.disabled = true;
    say("Creating the actor (reading the samples)…");
    try {
      const actor = await studio.send("POST", "/api/library/actors", new FormData(event.target));
      event.target.reset();
      say(`${actor.name} was added with ${actor.clips} clip(s).`);
      await load();
    } catch (e) { $("status").textContent = ""; fail(e); }
    button.disabled = false;
  });
  studio.get("/api/options").then(o => $("languages").replaceChildren(...o.targets.map(t => studio.el("option", { value: t })))).catch(() => {});
  load();
});
