namespace DubAgent.Core.Dsp;

/// <summary>What the voice-activity detector looks at in one frame.</summary>
/// <param name="EnergyDb">Energy between 100 Hz and 4 kHz, dB relative to a full-scale sine (-120 for digital silence).</param>
/// <param name="Flatness">Spectral flatness between 300 Hz and 4 kHz: near 1 for noise, low for voiced speech.</param>
/// <param name="Pitch">Subharmonic-summation pitch of the frame's non-stationary part (sustained music removed).</param>
public readonly record struct SpeechFrameFeatures(float EnergyDb, float Flatness, PitchEstimate Pitch);
