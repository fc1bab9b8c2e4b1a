using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Prompts;

/// <summary>dub_video: walks an assistant through a dub with the server's tools, from checking engines to the export.</summary>
public sealed class DubVideoPrompt : McpServerPrompt
{
    public override Prompt ProtocolPrompt { get; } = new()
    {
        Name = "dub_video",
        Title = "Dub a video",
        Description = "Step-by-step plan to dub a video into another language with DubAgent's tools, keeping every output in one job.",
        Arguments =
        [
            new PromptArgument { Name = "video", Description = "Path of the video to dub (inside the server's allowed folders).", Required = true },
            new PromptArgument { Name = "target_language", Description = "ISO 639-1 code of the dub's language, e.g. es, fr, de.", Required = true },
            new PromptArgument { Name = "content_type", Description = "dialogue (talk, interview), cinematic (film, series) or auto (default).", Required = false },
            new PromptArgument { Name = "notes", Description = "Anything the dub should respect: names not to translate, tone, glossary.", Required = false },
            new PromptArgument { Name = "recipe", Description = "The recipe to run for the whole dub (default dub; list_pipelines shows the others).", Required = false },
            new PromptArgument { Name = "translator", Description = "The translate engine to use (llm or apertium; default: the first that can run here).", Required = false },
        ],
    };

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken)
    {
        var video = PromptArguments.Required(request.Params, "video");
        var language = PromptArguments.Required(request.Params, "target_language");
        var content = PromptArguments.Optional(request.Params, "content_type") ?? "auto";
        var notes = PromptArguments.Optional(request.Params, "notes");
        var recipe = PromptArguments.Optional(request.Params, "recipe") ?? "dub";
        var translator = PromptArguments.Optional(request.Params, "translator");
        var text = $"""
            Dub the video `{video}` into `{language}` with the DubAgent tools. Work step by step and keep every output in one job:
            the first result shows `job: <id>`; pass that as `job` to every later call. A call that takes long answers
            status `working` with its job: follow it with get_job (wait: 30) until it ends; stop it with cancel_job.

            1. list_engines: see which engines can run here (the first available of each capability is the default).
            2. analyze_media on the video: duration, streams, loudness, speech ratio and a content guess ({content} was asked).
            3. The simplest way: run_pipeline with recipe `{recipe}` (inputs: video, target_language, content) and skip to 9.
               Otherwise, call the tools yourself:
            4. separate_audio: vocals and background (dialogue → a speech-tuned engine, cinematic → one that keeps music quality;
               short videos on a low budget may skip separation).
            5. transcribe the vocals, then diarize so each segment has its speaker.
            6. translate to `{language}`{(translator is null ? "" : $" with engine `{translator}`")}. Every segment keeps its time slot; fit_ratio above 1 means the line is too long to say in it.
               With `model: client` the translation uses your own model through MCP sampling.
            7. Use the review_translation prompt on the job; shorten lines whose fit_ratio is poor, then synthesize the voices.
            8. mix the voices over the background, then export the dubbed video and subtitles.
            9. Report to the user: the output paths, the engines that ran, anything flagged for a person's look.
               Every file is also a resource dubagent://jobs/<job>/<step>/<file> (get_job lists them).

            If a call fails, its error says which argument was wrong and what to do; fix that and call again.
            """;
        if (!string.IsNullOrWhiteSpace(notes)) text += $"\nThe user's notes for this dub: {notes}";
        return ValueTask.FromResult(new GetPromptResult
        {
            Description = $"Dub {Path.GetFileName(video)} into {language}",
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
        });
    }
}
