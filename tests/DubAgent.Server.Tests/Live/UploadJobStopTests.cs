using System.Net;
using System.Text.Json;
using DubAgent.Server.Tests.Support;

namespace DubAgent.Server.Tests.Live;

/// <summary>A dub started by POST /api/upload-audio is cancelled when the host stops, and its job record says interrupted.</summary>
public sealed class UploadJobStopTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_running_upload_job_is_interrupted_when_the_host_stops()
    {
        string record;
        await using (var host = await LiveHost.StartAsync(_temp))
        {
            using var http = new HttpClient();
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(LiveHost.SharedDirectory, "data", "jfk", "jfk.wav"))), "file", "jfk.wav" },
                { new StringContent("es"), "target_language" },
            };
            using var accepted = await http.PostAsync(new Uri(host.Endpoint, "/api/upload-audio"), form);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var job = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("job_id").GetString()!;
            record = Path.Combine(_temp.Path, "jobs", job, "job.json");
            // The dub's first steps (separation, recognition) take far longer than this wait for the run to begin.
            await Eventually.WaitAsync(() => File.Exists(record) && Status(record) == "running", 120);
        }
        using var stopped = JsonDocument.Parse(await File.ReadAllTextAsync(record));
        Assert.Equal("interrupted", stopped.RootElement.GetProperty("status").GetString());
        Assert.Contains("server stopped", stopped.RootElement.GetProperty("error").GetString());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(record)!, "*.part", SearchOption.AllDirectories));
    }

    private static string? Status(string record)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(record));
            return json.RootElement.GetProperty("status").GetString();
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
