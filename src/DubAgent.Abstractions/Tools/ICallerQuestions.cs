namespace DubAgent.Abstractions.Tools;

/// <summary>
/// Asks the person behind the calling client a question mid-call (MCP elicitation), when the client offers it.
/// </summary>
public interface ICallerQuestions
{
    /// <summary>
    /// Shows <paramref name="message"/> and asks for one text field; the answer, or null when the person declines or
    /// cancels.
    /// </summary>
    Task<string?> AskTextAsync(string message, string field, string description, CancellationToken cancellationToken);
}
