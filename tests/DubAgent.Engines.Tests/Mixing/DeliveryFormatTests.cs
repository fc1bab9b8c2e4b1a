using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Tests.Mixing;

public class DeliveryFormatTests
{
    [Theory]
    [InlineData(96000, 6, 48000, 2)]
    [InlineData(192000, 2, 48000, 2)]
    [InlineData(88200, 2, 48000, 2)]
    [InlineData(48000, 8, 48000, 2)]
    [InlineData(44100, 2, 44100, 2)]
    [InlineData(37800, 1, 44100, 1)]
    [InlineData(16000, 1, 16000, 1)]
    [InlineData(8000, 1, 8000, 1)]
    public void Rates_AAC_would_change_and_more_than_two_channels_are_brought_to_what_is_delivered(
        int rate, int channels, int expectedRate, int expectedChannels) =>
        Assert.Equal(new DeliveryFormat(expectedRate, expectedChannels), DeliveryFormat.For(rate, channels));
}
