using DubAgent.Server.Jobs;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Resources;

/// <summary>
/// The resource template dubagent://jobs/{job}/{step}/{file}: any file a job step wrote. Text files (JSON, subtitles)
/// come back as text; media come back as base64 blobs up to <see cref="MaxBlobBytes"/>, larger ones are refused with
/// their path (the client should use the file, not pull a film through JSON).
/// </summary>
public sealed class JobArtifactResource(ArtifactCatalog artifacts) : McpServerResource
{
    public const long MaxBlobBytes = 16 * 1024 * 1024;
    public const long MaxTextBytes = 8 * 1024 * 1024;

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
        if (MediaTypes.IsText(mimeType))
        {
            if (size > MaxTextBytes)
                throw new McpProtocolException($"'{uri}' is {size / (1024 * 1024)} MB, too large to send; read the file at {path}.", McpErrorCode.InvalidParams);
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = mimeType, Text = text }] };
        }
        if (size > MaxBlobBytes)
            throw new McpProtocolException(
                $"'{uri}' is {size / (1024 * 1024)} MB of {mimeType}, too large to send as a resource; it is the file {path}.",
                McpErrorCode.InvalidParams);
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
