using DubAgent.Abstractions.Models;

namespace DubAgent.Core.Models;

/// <summary>What `dubagent models verify` found for one stored file: its checksum matches the catalog, or why not.</summary>
public sealed record ModelCheck(ModelEntry Entry, string Path, bool Ok, string Detail);
