// Jobs page: the jobs of this server, newest first.
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  try {
    const jobs = await studio.get("/api/jobs");
    document.getElementById("jobs").replaceChildren(...jobs.map(j => studio.el("tr", {},
      studio.el("th", { scope: "row" }, studio.el("a", { href: `/jobs/${encodeURIComponent(j.id)}`, text: j.id })),
      studio.el("td", { text: j.recipe || "" }),
      studio.el("td", { class: `state-${j.state}`, text: j.state }),
      studio.el("td", { text: `${Math.round(j.percent)} %` }),
      studio.el("td", { text: new Date(j.created).toLocaleString() }))));
  } catch (e) { document.getElementById("error").textContent = e.message; }
});
