namespace DubAgent.Abstractions;

/// <summary>How far a long operation is: a fraction from 0 to 1 (null when unknown) and a short message.</summary>
public readonly record struct ProgressUpdate(double? Fraction, string? Message = null)
{
    public static ProgressUpdate Of(double done, double total, string? message = null) =>
        new(total > 0 ? Math.Clamp(done / total, 0, 1) : null, message);
}
