// An MCP client not written here: the official TypeScript SDK connects to `dubagent serve` over stdio or Streamable
// HTTP, lists the tools and calls one, with the SDK's default settings (60 s request timeout, no timeout reset on
// progress). Prints one JSON line the .NET test reads.
//
//   node client.mjs stdio <command> [args...] [options] --call <tool> '<json arguments>'
//   node client.mjs http <url> [options] --call <tool> '<json arguments>'
//
// Options:
//   --revision 2025-11-25   the 2025 revision (initialize, a session): @modelcontextprotocol/sdk 1.x (default)
//   --revision 2026-07-28   the 2026 revision (server/discover, no session): @modelcontextprotocol/client 2.x
//   --token <token>         Authorization: Bearer <token> (HTTP)
//   --roots <uri,uri>       declare the roots capability and answer roots/list with these URIs
//   --follow                when the call answers "working", follow its job with get_job (wait: 30) until it ends,
//                           then read its deliverables as resources
//   --elicit '<json>'       declare form elicitation and accept every elicitation/create, answering each field with
//                           the value the JSON object gives for it, else the field's default
import * as v1 from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as StdioV1 } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport as HttpV1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema, ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import * as v2 from "@modelcontextprotocol/client";
import { StdioClientTransport as StdioV2 } from "@modelcontextprotocol/client/stdio";

const MODERN = "2026-07-28";

function parse(argv) {
  const [mode, ...rest] = argv;
  const callAt = rest.indexOf("--call");
  const call = callAt >= 0 ? { name: rest[callAt + 1], arguments: JSON.parse(rest[callAt + 2] ?? "{}") } : null;
  const target = callAt >= 0 ? rest.slice(0, callAt) : rest;
  const skip = new Set();
  const option = (name) => {
    const at = target.indexOf(name);
    if (at < 0) return undefined;
    skip.add(at).add(at + 1);
    return target[at + 1];
  };
  const flag = (name) => {
    const at = target.indexOf(name);
    if (at >= 0) skip.add(at);
    return at >= 0;
  };
  const token = option("--token");
  const roots = option("--roots")?.split(",");
  const revision = option("--revision") ?? "2025-11-25";
  const follow = flag("--follow");
  const elicit = option("--elicit");
  const positional = target.filter((_, i) => !skip.has(i));
  return { mode, positional, token, roots, revision, follow, call, elicit: elicit === undefined ? undefined : JSON.parse(elicit) };
}

function connectPlan({ mode, positional, token, revision }) {
  const modern = revision === MODERN;
  if (mode === "stdio") {
    const [command, ...args] = positional;
    const Stdio = modern ? StdioV2 : StdioV1;
    return { modern, transport: new Stdio({ command, args, stderr: "ignore" }) };
  }
  if (mode === "http") {
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    const Http = modern ? v2.StreamableHTTPClientTransport : HttpV1;
    return { modern, transport: new Http(new URL(positional[0]), { requestInit: { headers } }) };
  }
  throw new Error(`unknown mode '${mode}': use stdio or http`);
}

function text(result) {
  return (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

async function main() {
  const options = parse(process.argv.slice(2));
  const { modern, transport } = connectPlan(options);
  const info = { name: "dubagent-node-test", version: "1.0.0" };
  const capabilities = {
    ...(options.roots ? { roots: { listChanged: true } } : {}),
    ...(options.elicit ? { elicitation: { form: {} } } : {}),
  };
  const client = modern
    ? new v2.Client(info, { capabilities, versionNegotiation: { mode: { pin: MODERN } } })
    : new v1.Client(info, { capabilities });
  if (options.roots) {
    const answer = async () => ({ roots: options.roots.map((uri) => ({ uri, name: uri })) });
    if (modern) client.setRequestHandler("roots/list", answer);
    else client.setRequestHandler(ListRootsRequestSchema, answer);
  }
  const elicitations = [];
  if (options.elicit) {
    const answer = async (request) => {
      const params = request.params ?? request;
      const fields = params.requestedSchema?.properties ?? {};
      elicitations.push({ message: params.message, mode: params.mode ?? "form", fields: Object.keys(fields) });
      const content = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, options.elicit[name] ?? field.default]));
      return { action: "accept", content };
    };
    if (modern) client.setRequestHandler("elicitation/create", answer);
    else client.setRequestHandler(ElicitRequestSchema, answer);
  }
  // The 2025 SDK keeps the negotiated revision only in the transport: note it as it is handed over.
  let negotiated;
  const setVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version) => {
    negotiated = version;
    setVersion?.(version);
  };

  const started = Date.now();
  await client.connect(transport);
  const { tools } = await client.listTools();
  const report = {
    server: client.getServerVersion(),
    revision: client.getNegotiatedProtocolVersion?.() ?? negotiated ?? null,
    tools: tools.length,
    names: tools.map((t) => t.name).sort(),
    schemas: Object.fromEntries(tools.map((t) => [t.name, { input: t.inputSchema ?? null, output: t.outputSchema ?? null, annotations: t.annotations ?? null }])),
  };
  if (options.call) {
    const progress = [];
    // Default request options: the SDK's 60 s timeout, not reset by progress.
    const requestOptions = { onprogress: (p) => progress.push({ at: Date.now() - started, progress: p.progress, message: p.message }) };
    const params = { name: options.call.name, arguments: options.call.arguments };
    // 1.x takes a result schema before the options; 2.x takes the options second.
    const result = modern ? await client.callTool(params, requestOptions) : await client.callTool(params, undefined, requestOptions);
    report.call = {
      name: options.call.name,
      isError: result.isError ?? false,
      text: text(result),
      structured: result.structuredContent ?? null,
      links: (result.content ?? []).filter((c) => c.type === "resource_link").map((c) => c.uri),
      progress,
    };
    if (options.follow && !report.call.isError) report.follow = await follow(client, report.call.structured);
  }
  if (options.elicit) report.elicitations = elicitations;
  report.ms = Date.now() - started;
  await client.close();
  process.stdout.write(JSON.stringify(report) + "\n");
}

// A long call answered "working": ask get_job (holding up to 30 s each time) until the job ends, then read what it delivered.
async function follow(client, structured) {
  const job = structured?.job;
  if (!job) throw new Error("the call's structured result names no job");
  let status = structured.status === "working" ? "running" : "succeeded";
  let rounds = 0;
  let last;
  while (status === "running" || status === "queued") {
    const answer = await client.callTool({ name: "get_job", arguments: { job, wait: 30 } });
    if (answer.isError) throw new Error(`get_job failed: ${text(answer)}`);
    last = answer.structuredContent;
    status = last.status;
    rounds++;
  }
  if (!last) last = (await client.callTool({ name: "get_job", arguments: { job } })).structuredContent;
  const state = await client.readResource({ uri: structured.follow });
  const files = [];
  for (const artifact of last.artifacts.filter((a) => a.deliverable)) {
    const read = await client.readResource({ uri: artifact.uri }).catch((error) => ({ error: String(error?.message ?? error) }));
    const content = read.contents?.[0];
    files.push({
      uri: artifact.uri,
      bytes: artifact.bytes,
      mimeType: content?.mimeType ?? null,
      read: content ? (content.text !== undefined ? content.text.length : Buffer.from(content.blob, "base64").length) : 0,
      error: read.error ?? null,
    });
  }
  return { job, status, rounds, stateResource: JSON.parse(state.contents[0].text).status, files };
}

main().catch((error) => {
  process.stderr.write(`node client failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
