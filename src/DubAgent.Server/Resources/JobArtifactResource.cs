using DubAgent.Server.Jobs;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Resources;

/// <summary>
/// The resource template dubagent://jobs/{job}/{step}/{file}: any file a job step wrote. Text files (JSON, subtitles)
/// come back as text, media as base64 blobs, up to the server's resource limit (default 64 MB, so a dub's mix.wav and
/// video come back whole). MCP has no ranged read, and every link carries its size and type first, so a client decides
/// before it reads; a file over the limit is refused with its size, its path and the option that raises the limit.
/// </summary>
public sealed class JobArtifactResource(ArtifactCatalog artifacts, long maxBytes = DubAgentServerOptions.DefaultMaxResourceBytes) : McpServerResource
{
    public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
    {
        UriTemplate = ArtifactUri.Template,
        Name = "job_artifact",
        Title = "A file a job step wrote",
        Description = "Any output of a job step: media.json, transcript.json, translation.json, placements.json, subtitles (.srt/.vtt), " +
                      "audio (.wav) and video (.mp4). Tool results and get_job list the exact addresses.",
    };

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => ArtifactUri.TryParse(uri, out _, out _);

    public override async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? "";
        if (!ArtifactUri.TryParse(uri, out var job, out var segments) || artifacts.Resolve(job, segments) is not { } path)
            throw new McpProtocolException($"No artifact at '{uri}'. get_job lists a job's files and their addresses.", McpErrorCode.ResourceNotFound);
        var mimeType = MediaTypes.Of(path);
        var size = new FileInfo(path).Length;
        if (size > maxBytes)
            throw new McpProtocolException(
                $"'{uri}' is {FileSizeText.Of(size)} of {mimeType}, over this server's resource limit of {FileSizeText.Of(maxBytes)}; " +
                $"it is the file {path}. The server's operator can raise the limit (dubagent serve --max-resource-mb N, or Server:MaxResourceMegabytes).",
                McpErrorCode.InvalidParams);
        if (MediaTypes.IsText(mimeType))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = mimeType, Text = text }] };
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new ReadResourceResult { Contents = [BlobResourceContents.FromBytes(bytes, uri, mimeType)] };
    }

    /// <summary>resources/list: the files of the newest jobs, so a client can browse without knowing the addresses.</summary>
    public static ListResourcesResult List(ArtifactCatalog artifacts, int jobCount = 20, int max = 300) => new()
    {
        Resources = artifacts.Recent(jobCount, max).Where(a => !a.RelativePath.EndsWith(CallRecord.FileName, StringComparison.Ordinal)).Select(a => new Resource
        {
            Uri = a.Uri,
            Name = $"{a.Job}/{a.RelativePath}",
            Description = $"written by step '{a.Step}' of job {a.Job}",
            MimeType = a.MimeType,
            Size = a.Size,
        }).ToList(),
    };
}
