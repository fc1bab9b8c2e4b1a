using System.Net;
using DubAgent.Abstractions.Errors;
using DubAgent.Server.Transports;

namespace DubAgent.Server.Tests.Transports;

public sealed class HttpBindingTests
{
    [Theory]
    [InlineData("127.0.0.1:5005", "127.0.0.1", 5005)]
    [InlineData("localhost:8080", "127.0.0.1", 8080)]
    [InlineData("[::1]:5005", "::1", 5005)]
    [InlineData("5005", "127.0.0.1", 5005)]
    [InlineData("http://127.0.0.1:0/", "127.0.0.1", 0)]
    public void Parses_loopback_addresses_without_a_token(string text, string address, int port)
    {
        var binding = HttpBinding.Parse(text, token: null);
        Assert.Equal(IPAddress.Parse(address), binding.Address);
        Assert.Equal(port, binding.Port);
        Assert.True(binding.IsLoopback);
    }

    [Fact]
    public void A_network_address_needs_a_token()
    {
        var e = Assert.Throws<InputException>(() => HttpBinding.Parse("0.0.0.0:5005", token: null));
        Assert.Contains("needs a bearer token", e.Message);
        Assert.Contains("DUBAGENT_TOKEN", e.Hint);
        Assert.False(HttpBinding.Parse("0.0.0.0:5005", "s3cret").IsLoopback);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("example.com:80")]
    [InlineData("127.0.0.1:99999")]
    public void Refuses_what_is_not_an_address(string text) =>
        Assert.Throws<InputException>(() => HttpBinding.Parse(text, token: null));
}
