using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent tools [--json]`: every tool with its arguments, as MCP clients and recipes see them.</summary>
public static class ToolsCommand
{
    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print every tool's name, description, argument and result JSON Schemas as JSON." };
        var command = new Command("tools", "List every tool with its arguments (the same list MCP clients and recipes use).") { json };
        command.SetAction(async parse =>
        {
            var invoker = host.Services.GetRequiredService<ToolInvoker>();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var array = new JsonArray(invoker.All.Select(t => (JsonNode)new JsonObject
                {
                    ["name"] = t.Name,
                    ["description"] = t.Description,
                    ["capability"] = t.Capability,
                    ["input_schema"] = JsonNode.Parse(invoker.SchemaOf(t).GetRawText()),
                    ["result_schema"] = JsonNode.Parse(invoker.ResultSchemaOf(t).GetRawText()),
                }).ToArray());
                await stdout.WriteLineAsync(array.ToJsonString(DubAgentJson.Options)).ConfigureAwait(false);
                return 0;
            }
            var console = TerminalOutput.For(stdout);
            foreach (var tool in invoker.All)
            {
                var table = new Table().Title($"{tool.Name}{(tool.Capability is { } c ? $" (engines: {c})" : "")}")
                    .Caption(Markup.Escape(tool.Description)).AddColumns("argument", "type", "required", "description");
                var schema = invoker.SchemaOf(tool);
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var p in properties.EnumerateObject())
                        table.AddRow(new Text(p.Name), new Text(TypeText(p.Value)), new Text(required.Contains(p.Name) ? "yes" : ""),
                            new Text(p.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : ""));
                console.Write(table);
            }
            if (invoker.All.Count == 0) console.WriteLine("No tools are registered.");
            return 0;
        });
        return command;
    }

    private static string TypeText(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values))
            return string.Join("|", values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.ToString()));
        var type = ToolSchemas.TypeOf(schema) ?? "any";
        return type == "array" && schema.TryGetProperty("items", out var items) ? $"{ToolSchemas.TypeOf(items) ?? "any"}[]" : type;
    }
}
