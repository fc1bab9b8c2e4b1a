using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Core.Models;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>
/// `dubagent models list [--json] | pull ID | add FILE [--id ID] | verify [--json] | remove ID`: the model store's catalog
/// and folder (Models:Directory, default ~/.cache/dubagent/models).
/// </summary>
public static class ModelsCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("models", "The models engines use (Whisper, Silero VAD...): list, download, add a file you have, verify, remove.");
        command.Subcommands.Add(List(host));
        command.Subcommands.Add(Pull(host));
        command.Subcommands.Add(Add(host));
        command.Subcommands.Add(Verify(host));
        command.Subcommands.Add(Remove(host));
        return command;
    }

    private static ModelStore Store(CliHost host) => host.Services.GetRequiredService<ModelStore>();

    private static Command List(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the catalog as a JSON array on stdout." };
        var command = new Command("list", "Every model of the catalog: id, engine, size, licence, and whether it is here.") { json };
        command.SetAction(async (parse, _) =>
        {
            var store = Store(host);
            var models = store.List();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(models.Select(m => new
                {
                    id = m.Entry.Id,
                    engine = m.Entry.Engine,
                    file_name = m.Entry.FileName,
                    url = m.Entry.Url,
                    sha256 = m.Entry.Sha256,
                    md5 = m.Entry.Md5,
                    pinned_by = m.Entry.PinnedBy,
                    size = m.Entry.Size,
                    licence = m.Entry.Licence,
                    purpose = m.Entry.Purpose,
                    present = m.Present,
                    path = m.Present ? m.Path : null,
                    partial_bytes = m.PartialBytes > 0 ? m.PartialBytes : (long?)null,
                }), DubAgentJson.Options)).ConfigureAwait(false);
                return 0;
            }
            var table = new Table().Title($"Models ({store.Directory})").AddColumns("id", "engine", "size", "pinned by", "here", "licence", "purpose");
            foreach (var m in models)
                table.AddRow(new Text(m.Entry.Id), new Text(m.Entry.Engine), new Text(ModelUnavailable.Megabytes(m.Entry.Size)),
                    new Text(m.Entry.PinnedBy), new Text(m.Present ? "yes" : m.PartialBytes > 0 ? $"partial ({ModelUnavailable.Megabytes(m.PartialBytes)})" : "-"),
                    new Text(m.Entry.Licence) { Overflow = Overflow.Fold }, new Text(m.Entry.Purpose)); // a licence may be a long model-card address
            var console = TerminalOutput.For(stdout);
            console.Write(table);
            console.WriteLine("Get one with `dubagent models pull ID`, or `dubagent models add FILE` for a file you already have.");
            return 0;
        });
        return command;
    }

    private static Command Pull(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "The model to download, e.g. whisper-base (see `dubagent models list`)." };
        var command = new Command("pull", "Download a model (resuming a partial download), check its SHA-256 (or its publisher's size and MD5) and store it.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(host);
            var name = parse.GetRequiredValue(id);
            var entry = store.Entry(name);
            var label = entry is null ? name : $"{entry.Id} ({ModelUnavailable.Megabytes(entry.Size)})";
            var path = await ModelProgressView.RunAsync(parse.InvocationConfiguration.Error, label,
                progress => store.PullAsync(name, progress, cancellationToken)).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(path).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Add(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "A model file you downloaded yourself." };
        var id = new Option<string?>("--id") { Description = "The catalog model it is (default: recognised by its SHA-256)." };
        var command = new Command("add", "Store a model file you already have, after checking it against the catalog.") { file, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(host);
            var source = Path.GetFullPath(parse.GetRequiredValue(file));
            var entry = await ModelProgressView.RunAsync(parse.InvocationConfiguration.Error, Path.GetFileName(source),
                progress => store.AddAsync(source, parse.GetValue(id), progress, cancellationToken)).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{entry.Id}: {store.PathOf(entry)}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Verify(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var command = new Command("verify", "Re-read every stored model and compare its SHA-256 with the catalog; exit 1 when one is damaged.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(host);
            var checks = await ModelProgressView.RunAsync(parse.InvocationConfiguration.Error, "verifying models",
                progress => store.VerifyAsync(progress, cancellationToken)).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(checks.Select(c => new { id = c.Entry.Id, path = c.Path, ok = c.Ok, detail = c.Detail }),
                    DubAgentJson.Options)).ConfigureAwait(false);
            }
            else
            {
                var table = new Table().AddColumns("id", "ok", "detail", "path");
                foreach (var c in checks) table.AddRow(new Text(c.Entry.Id), new Text(c.Ok ? "ok" : "DAMAGED"), new Text(c.Detail), new Text(c.Path));
                var console = TerminalOutput.For(stdout);
                console.Write(table);
                if (checks.Count == 0) console.WriteLine($"No models are stored in {store.Directory}.");
            }
            var damaged = checks.Where(c => !c.Ok).ToList();
            if (damaged.Count == 0) return 0;
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"error: {string.Join(", ", damaged.Select(c => c.Entry.Id))} damaged\nhint: run `dubagent models remove ID`, then `dubagent models pull ID`").ConfigureAwait(false);
            return 1;
        });
        return command;
    }

    private static Command Remove(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "The model to delete from the models folder." };
        var command = new Command("remove", "Delete a stored model (and any partial download of it).") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = Store(host);
            var name = parse.GetRequiredValue(id);
            var removed = await store.RemoveAsync(name, cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(removed ? $"removed {store.Entry(name)!.Id}" : $"{store.Entry(name)!.Id} was not stored")
                .ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
