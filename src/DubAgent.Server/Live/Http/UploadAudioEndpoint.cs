using System.Text.Json.Nodes;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Paths;
using DubAgent.Server.Hosting;
using DubAgent.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Server.Live.Http;

/// <summary>
/// POST /api/upload-audio (multipart: `file`, optional `source_language`, `target_language`): keeps the file in a new
/// job and runs the `dub` recipe on it there, in the background like any MCP call that outlives its answer; answers
/// 202 with the job id (follow it with the MCP tool get_job, or the resource dubagent://jobs/{job}). The host's stop
/// interrupts the jobs still running (<see cref="UploadJobs"/>).
/// </summary>
public static class UploadAudioEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, DubAgentServer server, LiveOptions options, UploadJobs uploads)
    {
        routes.MapPost("/api/upload-audio", async (HttpContext context) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.MaxUploadBytes;
            if (!context.Request.HasFormContentType)
                return Refuse("The upload is not a multipart form.", "POST multipart/form-data with the media in a field named 'file'.");
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
                return Refuse("The form has no 'file' (or it is empty).", "Put the audio or video to dub in a field named 'file'.");
            var job = server.Jobs.Create();
            var name = Path.GetFileName(file.FileName) is { Length: > 0 } given && given.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 ? given : "upload.bin";
            var folder = Directory.CreateDirectory(Path.Combine(job.Directory, "upload")).FullName;
            var path = Path.Combine(folder, name);
            var temporary = path + ".part";
            await using (var output = File.Create(temporary))
                await file.CopyToAsync(output, context.RequestAborted).ConfigureAwait(false);
            File.Move(temporary, path);
            uploads.Track(job, Start(server, job, path, form["source_language"].FirstOrDefault() ?? "en", form["target_language"].FirstOrDefault() ?? "es"));
            return LiveRestEndpoints.Json(new { job_id = job.Id, recipe = "dub", input = path, status = $"dubagent://jobs/{job.Id}" }, StatusCodes.Status202Accepted);
        });
    }

    private static JobWork Start(DubAgentServer server, Job job, string input, string source, string target)
    {
        var tool = server.Tools.First(t => t.Name == "run_pipeline");
        var bound = server.Runner.Invoker.Bind(tool, new JsonObject
        {
            ["recipe"] = "dub",
            ["inputs"] = new JsonObject { ["video"] = input, ["source_language"] = source, ["target_language"] = target },
        });
        var step = job.TrackStep(tool.Name, tool.Name, job.Directory);
        var logger = server.Services.GetService<ILoggerFactory>()?.CreateLogger("upload-audio") ?? NullLogger.Instance;
        var work = new JobWork(job, step);
        work.Start(async stop =>
        {
            step.MarkRunning();
            var result = await server.Runner.Invoker.InvokeAsync(tool, bound, new ToolContext
            {
                WorkDirectory = job.Directory,
                JobDirectory = job.Directory,
                Services = server.Services,
                CancellationToken = stop,
                Logger = logger,
                // The upload is inside its own job: the job folder is all this run may read and write.
                Paths = new RootsPathPolicy([job.Directory]),
            }).ConfigureAwait(false);
            step.MarkSucceeded(result.Report.Engine, DubAgent.Core.Tools.ToolInvoker.Summarize(result));
            return result;
        }, logger, tool);
        return work;
    }

    private static IResult Refuse(string message, string hint) =>
        LiveRestEndpoints.Json(new { error = message, hint }, StatusCodes.Status400BadRequest);
}
