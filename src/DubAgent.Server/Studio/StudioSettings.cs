using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DubAgent.Server.Studio;

/// <summary>
/// The studio's upload limit: DUBAGENT_STUDIO_MAX_UPLOAD_MB (default 2048). MCP requests keep the host's small limit;
/// only the studio's writes may be this large, and a bigger upload is refused with 413 before it is stored.
/// </summary>
public sealed record StudioSettings(long MaxUploadBytes)
{
    public const string UploadLimitVariable = "DUBAGENT_STUDIO_MAX_UPLOAD_MB";

    public static StudioSettings FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(UploadLimitVariable);
        var megabytes = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 2048;
        return new StudioSettings((long)(megabytes * 1024 * 1024));
    }

    public string Describe() => $"{MaxUploadBytes / (1024.0 * 1024.0):0.#} MB";

    public async Task ApplyUploadLimit(HttpContext context, RequestDelegate next)
    {
        if (!StudioRegistration.IsSafe(context.Request.Method))
        {
            if (context.Request.ContentLength > MaxUploadBytes)
            {
                await RefuseAsync(context).ConfigureAwait(false);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxUploadBytes;
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                MultipartBodyLengthLimit = MaxUploadBytes,
                // Past this the form goes to a temporary file, not memory.
                MemoryBufferThreshold = 1024 * 1024,
            }));
        }
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException && !context.Response.HasStarted)
        {
            await RefuseAsync(context).ConfigureAwait(false);
        }
    }

    private Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.Response.WriteAsync($"Refused: the upload is larger than the studio's limit of {Describe()}. " +
                                           $"Pick the file from inside the allowed folders instead, or start the server with {UploadLimitVariable} set higher.");
    }
}
