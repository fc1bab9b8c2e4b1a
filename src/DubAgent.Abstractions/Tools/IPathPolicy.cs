namespace DubAgent.Abstractions.Tools;

/// <summary>Checks that a path a call names is one it may use; returns the full path or throws InputException.</summary>
public interface IPathPolicy
{
    /// <param name="argumentName">The argument that named it, for the error message.</param>
    string CheckRead(string path, string argumentName);

    string CheckWrite(string path, string argumentName);
}

/// <summary>No restriction (CLI and recipes run with the user's own rights).</summary>
public sealed class UnrestrictedPaths : IPathPolicy
{
    public static UnrestrictedPaths Instance { get; } = new();

    public string CheckRead(string path, string argumentName) => Path.GetFullPath(path);

    public string CheckWrite(string path, string argumentName) => Path.GetFullPath(path);
}
