namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Implemented by synthesizers whose sound depends on settings beyond voice and text (model, endpoint, persona
/// table): the fingerprint joins the clip cache key, so changing a setting re-synthesizes.
/// </summary>
public interface ISynthesisFingerprint
{
    string SettingsFingerprint { get; }
}
