namespace DubAgent.Server.Tests.Support;

/// <summary>
/// Waits for something the client hands over asynchronously (progress notifications are sent before a call's response,
/// but the SDK client may deliver them to the test's handler a little after the call returns).
/// </summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, double seconds = 5)
    {
        for (var waited = 0.0; waited < seconds && !condition(); waited += 0.05) await Task.Delay(50);
    }
}
