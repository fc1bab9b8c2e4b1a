using System.Net;
using System.Net.Http.Headers;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Models;

namespace DubAgent.Core.Models;

/// <summary>
/// Fetches one model file into its partial file, resuming with HTTP Range from what is already there: a cut
/// connection is picked up where it stopped (up to Models:Attempts tries while bytes keep coming), a server that says
/// nothing for Models:ReadTimeoutSeconds is given up on, a connection takes at most Models:ConnectTimeoutSeconds.
/// Proxies come from the standard variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, read by .NET's default proxy).
/// Every failure is a <see cref="ModelUnavailable"/> error naming the URL.
/// </summary>
public sealed class ModelDownloader : IDisposable
{
    private readonly ModelStoreOptions _options;
    private readonly HttpClient _client;

    public ModelDownloader(ModelStoreOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        handler ??= new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None, // Range offsets count the file's own bytes
            AllowAutoRedirect = true, // huggingface.co answers with a redirect to its CDN
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // our own per-read timeout instead
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DubAgent", typeof(ModelDownloader).Assembly.GetName().Version?.ToString(3)));
    }

    /// <summary>Completes <paramref name="partialPath"/> to the entry's size (its contents are checked by the caller).</summary>
    public async Task DownloadAsync(ModelEntry entry, string partialPath, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var url = new Uri(entry.Url);
        string? lastProblem = null;
        for (var attempt = 1; attempt <= _options.Attempts; attempt++)
        {
            var before = Length(partialPath);
            if (before == entry.Size) return;
            try
            {
                await AttemptAsync(entry, url, partialPath, progress, cancellationToken).ConfigureAwait(false);
                if (Length(partialPath) == entry.Size) return;
                lastProblem = $"the connection closed after {Length(partialPath)} of {entry.Size} bytes";
            }
            catch (CutConnectionException e)
            {
                lastProblem = e.Message;
                if (e.StartOver) continue;
            }
            // Only a download that was making progress is worth resuming; a server that sends nothing is not.
            if (Length(partialPath) <= before) break;
            progress?.Report(ProgressUpdate.Of(Length(partialPath), entry.Size, $"{entry.Id}: connection lost, resuming at {ModelUnavailable.Megabytes(Length(partialPath))}"));
        }
        throw ModelUnavailable.Create(entry, $"the download from {entry.Url} did not complete: {lastProblem}");
    }

    private async Task AttemptAsync(ModelEntry entry, Uri url, string partialPath, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var offset = Length(partialPath);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        request.Headers.Authorization = HuggingFaceToken.For(url);

        using var response = await WithReadTimeoutAsync(entry, t => _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, t), cancellationToken)
            .ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange?.From == offset:
                break;
            case HttpStatusCode.OK or HttpStatusCode.PartialContent:
                offset = 0; // the server sent the whole file (or another range): start over
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                File.Delete(partialPath); // what we have is not a prefix of what it serves
                throw new CutConnectionException("the server refused to resume (HTTP 416)", startOver: true);
            default:
                throw ModelUnavailable.Create(entry, Explain(response.StatusCode, url));
        }
        var total = offset + (response.Content.Headers.ContentLength ?? entry.Size - offset);
        if (total != entry.Size)
            throw ModelUnavailable.Create(entry,
                $"{entry.Url} offers {total} bytes but the catalog expects {entry.Size}: the publisher changed the file, or the URL is not the model");

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var file = new FileStream(partialPath, offset == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        var received = offset;
        while (true)
        {
            int read;
            try
            {
                read = await WithReadTimeoutAsync(entry, t => body.ReadAsync(buffer, t).AsTask(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new CutConnectionException($"the connection was cut after {received} of {entry.Size} bytes ({e.Message})");
            }
            if (read == 0) break;
            if (received + read > entry.Size)
                throw ModelUnavailable.Create(entry, $"{entry.Url} sent more than the {entry.Size} bytes the catalog expects");
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            received += read;
            progress?.Report(ProgressUpdate.Of(received, entry.Size, $"downloading {entry.Id}"));
        }
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one network wait with Models:ReadTimeoutSeconds; a stall or a connect timeout becomes a clear error.</summary>
    private async Task<T> WithReadTimeoutAsync<T>(ModelEntry entry, Func<CancellationToken, Task<T>> wait, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_options.ReadTimeout);
        try
        {
            return await wait(stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ModelUnavailable.Create(entry,
                $"{entry.Url} did not answer within {_options.ReadTimeout.TotalSeconds:0.#} s (or the connection took over {_options.ConnectTimeout.TotalSeconds:0.#} s)");
        }
        catch (HttpRequestException e)
        {
            throw ModelUnavailable.Create(entry, $"cannot reach {Server(entry)}: {e.Message}");
        }
    }

    private static string Server(ModelEntry entry) => new Uri(entry.Url).GetLeftPart(UriPartial.Authority);

    private static string Explain(HttpStatusCode status, Uri url) => status switch
    {
        HttpStatusCode.NotFound => $"{url} was not found (HTTP 404)",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"{url} refused the download (HTTP {(int)status}); for huggingface.co set HF_TOKEN to a token that may read the model",
        _ => $"{url} answered HTTP {(int)status} {status}",
    };

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public void Dispose() => _client.Dispose();

    /// <summary>A transfer that stopped part-way: worth resuming from the partial file.</summary>
    private sealed class CutConnectionException(string message, bool startOver = false) : Exception(message)
    {
        public bool StartOver { get; } = startOver;
    }
}
