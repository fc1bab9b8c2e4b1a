// Job page: live state over Server-Sent Events, cancel and resume, the produced files.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const id = studio.jobId();
  const $ = name => document.getElementById(name);
  $("job-id").textContent = id;
  $("review").href = `/jobs/${encodeURIComponent(id)}/review`;
  let stream = null;

  const render = job => {
    $("state").textContent = job.state;
    $("state").className = `state-${job.state}`;
    $("overall").value = job.percent;
    $("percent").textContent = `${Math.round(job.percent)} %`;
    $("message").textContent = [job.message, job.batch && `batch: ${job.batch}`].filter(Boolean).join(" · ");
    $("error").textContent = job.error || "";
    $("cancel").disabled = !["running", "queued", "starting"].includes(job.state);
    $("resume").disabled = !["failed", "cancelled", "interrupted"].includes(job.state);
    const rows = $("steps");
    rows.replaceChildren(...job.steps.map(s => studio.el("tr", { "data-step": s.id },
      studio.el("th", { scope: "row", text: s.id }),
      studio.el("td", { class: `state-${s.state}`, text: s.state }),
      studio.el("td", { text: s.engine || "" }),
      studio.el("td", { text: [s.engine_reason, ...(s.notes || [])].filter(Boolean).join(" · ") }),
      studio.el("td", { text: s.seconds == null ? "" : String(s.seconds) }))));
    $("files").replaceChildren(...job.files.map(f => studio.el("li", {},
      studio.el("a", { href: `${f.url}?download=1`, text: f.path }), ` (${studio.size(f.size)})`)));
    const video = job.files.find(f => f.deliverable && /\.mp4$/i.test(f.path));
    const zip = job.files.find(f => /\.zip$/i.test(f.path));
    $("result").hidden = !(job.state === "completed" && video);
    if (video && job.state === "completed" && !$("player").src.includes(video.url)) $("player").src = video.url;
    if (zip) $("zip").href = `${zip.url}?download=1`;
  };
  const listen = () => { if (stream) stream.close(); stream = studio.follow(id, render); };

  $("cancel").addEventListener("click", async () => {
    try { render(await studio.send("POST", `/api/jobs/${encodeURIComponent(id)}/cancel`)); } catch (e) { $("error").textContent = e.message; }
  });
  $("resume").addEventListener("click", async () => {
    try { await studio.send("POST", `/api/jobs/${encodeURIComponent(id)}/resume`); listen(); } catch (e) { $("error").textContent = e.message; }
  });
  listen();
});
