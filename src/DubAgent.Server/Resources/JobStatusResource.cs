using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Server.Jobs;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Resources;

/// <summary>
/// dubagent://jobs/{job}: a job's state as JSON (what get_job answers): the address a long call links to when it answers
/// before its work is done, so a client can follow it by reading a resource.
/// </summary>
public sealed class JobStatusResource(JobStore jobs, ArtifactCatalog artifacts) : McpServerResource
{
    public const string Template = ArtifactUri.Prefix + "{job}";

    public static string For(string job) => ArtifactUri.Prefix + Uri.EscapeDataString(job);

    public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
    {
        UriTemplate = Template,
        Name = "job_status",
        Title = "A job's state",
        MimeType = "application/json",
        Description = "A job's status, progress, steps and files (deliverables first), as get_job answers. " +
                      "Calls that answer before their work is done link here.",
    };

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => TryParse(uri, out _);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? "";
        if (!TryParse(uri, out var id) || !jobs.TryOpen(id, out var job) || job is null)
            throw new McpProtocolException($"No job at '{uri}'. Tool results name their job; get_job lists a job's files.", McpErrorCode.ResourceNotFound);
        var json = JsonSerializer.Serialize(JobReport.Of(job, artifacts), DubAgentJson.Options);
        return ValueTask.FromResult(new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = uri, MimeType = "application/json", Text = json }],
        });
    }

    private static bool TryParse(string uri, out string job)
    {
        job = "";
        if (!uri.StartsWith(ArtifactUri.Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = uri[ArtifactUri.Prefix.Length..].Split('?', '#')[0].TrimEnd('/');
        if (rest.Length == 0 || rest.Contains('/')) return false;
        job = Uri.UnescapeDataString(rest);
        return true;
    }
}
