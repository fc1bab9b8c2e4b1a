// Jobs page: the jobs of this server, newest first.
"use strict";
const remove = job => {
  const button = studio.el("button", { type: "button", class: "secondary", text: "Delete", "aria-label": `Delete job ${job.id} and its files` });
  button.addEventListener("click", async () => {
    if (!confirm(`Delete job ${job.id} and every file in its folder?`)) return;
    try { await studio.send("DELETE", `/api/jobs/${encodeURIComponent(job.id)}`); button.closest("tr").remove(); }
    catch (e) { document.getElementById("error").textContent = e.message; }
  });
  return button;
};

document.addEventListener("DOMContentLoaded", async () => {
  try {
    const jobs = await studio.get("/api/jobs");
    document.getElementById("jobs").replaceChildren(...jobs.map(j => studio.el("tr", {},
      studio.el("th", { scope: "row" }, studio.el("a", { href: `/jobs/${encodeURIComponent(j.id)}`, text: j.id })),
      studio.el("td", { text: j.recipe || "" }),
      studio.el("td", { class: `state-${j.state}`, text: j.state }),
      studio.el("td", { text: `${Math.round(j.percent)} %` }),
      studio.el("td", { text: new Date(j.created).toLocaleString() }),
      studio.el("td", {}, remove(j)))));
  } catch (e) { document.getElementById("error").textContent = e.message; }
});
