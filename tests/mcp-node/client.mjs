// An MCP client not written here: the official TypeScript SDK connects to `dubagent serve` over stdio or Streamable
// HTTP, lists the tools and calls one. Prints one JSON line the .NET test reads.
//
//   node client.mjs stdio <command> [args...] --call <tool> '<json arguments>'
//   node client.mjs http <url> [--token <token>] [--roots <uri,uri>] --call <tool> '<json arguments>'
//
// With --roots the client declares the roots capability and answers roots/list with those URIs.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

function parse(argv) {
  const [mode, ...rest] = argv;
  const callAt = rest.indexOf("--call");
  const call = callAt >= 0 ? { name: rest[callAt + 1], arguments: JSON.parse(rest[callAt + 2] ?? "{}") } : null;
  const target = callAt >= 0 ? rest.slice(0, callAt) : rest;
  const option = (name) => {
    const at = target.indexOf(name);
    return at >= 0 ? target[at + 1] : undefined;
  };
  const token = option("--token");
  const roots = option("--roots")?.split(",");
  const skip = new Set();
  for (const name of ["--token", "--roots"]) {
    const at = target.indexOf(name);
    if (at >= 0) skip.add(at).add(at + 1);
  }
  const positional = target.filter((_, i) => !skip.has(i));
  return { mode, positional, token, roots, call };
}

async function main() {
  const { mode, positional, token, roots, call } = parse(process.argv.slice(2));
  let transport;
  if (mode === "stdio") {
    const [command, ...args] = positional;
    transport = new StdioClientTransport({ command, args, stderr: "ignore" });
  } else if (mode === "http") {
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    transport = new StreamableHTTPClientTransport(new URL(positional[0]), { requestInit: { headers } });
  } else {
    throw new Error(`unknown mode '${mode}': use stdio or http`);
  }

  const client = new Client({ name: "dubagent-node-test", version: "1.0.0" }, roots ? { capabilities: { roots: { listChanged: true } } } : {});
  if (roots) client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: roots.map((uri) => ({ uri, name: uri })) }));
  const started = Date.now();
  await client.connect(transport);
  const { tools } = await client.listTools();
  const report = { server: client.getServerVersion(), tools: tools.length, names: tools.map((t) => t.name).sort() };
  if (call) {
    const result = await client.callTool({ name: call.name, arguments: call.arguments });
    report.call = {
      name: call.name,
      isError: result.isError ?? false,
      text: (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n"),
      structured: result.structuredContent ?? null,
      links: (result.content ?? []).filter((c) => c.type === "resource_link").map((c) => c.uri),
    };
  }
  report.ms = Date.now() - started;
  await client.close();
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((error) => {
  process.stderr.write(`node client failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
