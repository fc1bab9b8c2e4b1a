// Shared by the studio's pages: every write carries the page's anti-forgery token.
"use strict";
const studio = {
  csrf: () => document.querySelector('meta[name="csrf-token"]').content,
  async send(method, url, body) {
    const headers = { "X-CSRF-TOKEN": studio.csrf() };
    if (body !== undefined && !(body instanceof FormData)) { headers["Content-Type"] = "application/json"; body = JSON.stringify(body); }
    const response = await fetch(url, { method, headers, body, credentials: "same-origin" });
    const text = await response.text();
    let data = null;
    try { data = JSON.parse(text); } catch { data = null; }
    if (!response.ok) throw new Error((data && data.error) || text || `${response.status} ${response.statusText}`);
    return data;
  },
  async get(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    const text = await response.text();
    if (!response.ok) { let m = text; try { m = JSON.parse(text).error || text; } catch { /* plain text */ } throw new Error(m); }
    return JSON.parse(text);
  },
  el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v; else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children) node.append(child);
    return node;
  },
  // Follows a job's Server-Sent Events until its run ends; EventSource reconnects by itself after a drop.
  follow(id, onState, onDone) {
    const events = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
    events.addEventListener("state", e => onState(JSON.parse(e.data)));
    events.addEventListener("done", () => { events.close(); if (onDone) onDone(); });
    return events;
  },
  jobId: () => decodeURIComponent(location.pathname.split("/")[2] || ""),
  size(bytes) { return bytes > 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`; },
  time(seconds) { const s = Number(seconds || 0); return `${Math.floor(s / 60)}:${(s % 60).toFixed(2).padStart(5, "0")}`; },
};
