using DubAgent.Abstractions.Models;

namespace DubAgent.Core.Models;

/// <summary>A catalog entry as this machine has it: whether the file is there, where, and how much of a download is pending.</summary>
public sealed record StoredModel(ModelEntry Entry, bool Present, string Path, long PartialBytes);
