using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Models;

namespace DubAgent.Core.Models;

/// <summary>
/// The catalog of models the product knows: the one shipped inside this assembly (model-catalog.json), plus the
/// entries of an extra catalog file (`Models:Catalog`), which add models or replace shipped ones by id.
/// </summary>
public static class ModelCatalog
{
    private const string ResourceName = "DubAgent.Core.Models.model-catalog.json";

    /// <summary>The catalog shipped with the product.</summary>
    public static IReadOnlyList<ModelEntry> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>
    /// The shipped catalog, then the entries capabilities and plugins declare (<see cref="IModelCatalogSource"/>), then
    /// those of <paramref name="extraFile"/> (when given); a later entry replaces an earlier one of the same id.
    /// </summary>
    public static IReadOnlyList<ModelEntry> With(string? extraFile, IEnumerable<IModelCatalogSource>? sources = null)
    {
        var entries = BuiltIn;
        foreach (var source in sources ?? [])
        {
            var declared = source.Entries.ToList();
            foreach (var entry in declared) Check(entry, source.GetType().Name);
            entries = Replacing(entries, declared);
        }
        if (string.IsNullOrWhiteSpace(extraFile)) return entries;
        if (!File.Exists(extraFile))
            throw new InputException($"The model catalog '{extraFile}' (Models:Catalog) does not exist.",
                "Point Models:Catalog at a JSON array of models, or remove the setting.");
        return Replacing(entries, Parse(File.ReadAllText(extraFile), extraFile));
    }

    private static IReadOnlyList<ModelEntry> Replacing(IReadOnlyList<ModelEntry> entries, IReadOnlyList<ModelEntry> later)
    {
        var ids = later.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return entries.Where(e => !ids.Contains(e.Id)).Concat(later).ToList();
    }

    /// <summary>Reads a JSON array of entries (snake_case: id, engine, file_name, url, sha256 or md5, size, licence, purpose) and checks each.</summary>
    public static IReadOnlyList<ModelEntry> Parse(string json, string source)
    {
        List<ModelEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<ModelEntry>>(json, DubAgentJson.Options);
        }
        catch (JsonException e)
        {
            throw new InputException($"The model catalog '{source}' is not valid JSON: {e.Message}",
                "It must be an array of { id, engine, file_name, url, sha256 (or md5), size, licence, purpose }.");
        }
        if (entries is null) throw new InputException($"The model catalog '{source}' is empty (null).", "Give a JSON array of models.");
        foreach (var entry in entries) Check(entry, source);
        var duplicate = entries.GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException($"The model catalog '{source}' lists '{duplicate.Key}' twice.", "Give each model one entry.");
        return entries;
    }

    private static void Check(ModelEntry entry, string source)
    {
        string? problem = null;
        if (string.IsNullOrWhiteSpace(entry.Id)) problem = "an entry has no id";
        else if (string.IsNullOrWhiteSpace(entry.FileName) || entry.FileName != Path.GetFileName(entry.FileName) || entry.FileName.StartsWith('.'))
            problem = $"'{entry.Id}' has no plain file name (file_name)";
        else if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            problem = $"'{entry.Id}' has no http(s) url";
        else if (entry.Sha256 is null && entry.Md5 is null)
            problem = $"'{entry.Id}' has neither a SHA-256 (sha256) nor its publisher's MD5 (md5)";
        else if (entry.Sha256 is not null && !IsHex(entry.Sha256, 64))
            problem = $"'{entry.Id}' has no lower-case hex SHA-256 (sha256: 64 digits)";
        else if (entry.Sha256 is null && !IsHex(entry.Md5!, 32))
            problem = $"'{entry.Id}' has no lower-case hex MD5 (md5: 32 digits)";
        else if (entry.Size <= 0) problem = $"'{entry.Id}' has no size in bytes";
        if (problem is not null)
            throw new InputException($"The model catalog '{source}' is invalid: {problem}.",
                "Each entry needs id, engine, file_name, url, size (bytes) and sha256 (64 lower-case hex digits), or, when its publisher gives only that, md5 (32).");
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigitLower);

    private static IReadOnlyList<ModelEntry> LoadBuiltIn()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The shipped model catalog ({ResourceName}) is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the shipped model catalog");
    }
}
