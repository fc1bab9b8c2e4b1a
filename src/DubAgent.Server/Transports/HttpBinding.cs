using System.Net;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Server.Transports;

/// <summary>
/// Where `serve --http` listens and who may call: `127.0.0.1:5005`, `localhost:5005`, `[::1]:5005`, `0.0.0.0:5005` or
/// just `5005` (loopback). A non-loopback address needs a bearer token; port 0 picks a free port.
/// </summary>
public sealed record HttpBinding(IPAddress Address, int Port, string? Token)
{
    public const string Path = "/mcp";

    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public static HttpBinding Parse(string text, string? token)
    {
        var value = text.Trim();
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) value = value["http://".Length..].TrimEnd('/');
        IPAddress? address = null;
        int port;
        if (int.TryParse(value, out port))
        {
            address = IPAddress.Loopback;
        }
        else
        {
            var colon = value.LastIndexOf(':');
            var host = colon > 0 ? value[..colon].Trim('[', ']') : value;
            if (colon <= 0 || !int.TryParse(value[(colon + 1)..], out port))
                throw new InputException($"'{text}' is not an address and port for --http.", "Write it as 127.0.0.1:5005 (or 0.0.0.0:5005 with --token).");
            address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
                : IPAddress.TryParse(host, out var parsed) ? parsed
                : throw new InputException($"'{host}' in --http {text} is not an IP address.", "Use 127.0.0.1, ::1, 0.0.0.0 or this machine's IP address.");
        }
        if (port is < 0 or > 65535)
            throw new InputException($"The port in --http {text} must be between 0 and 65535.");
        var binding = new HttpBinding(address, port, string.IsNullOrWhiteSpace(token) ? null : token.Trim());
        if (!binding.IsLoopback && binding.Token is null)
            throw new InputException(
                $"Serving on {text} would let other machines call DubAgent's tools, so it needs a bearer token.",
                "Pass --token <secret> or set DUBAGENT_TOKEN; clients then send 'Authorization: Bearer <secret>'. Or serve on 127.0.0.1.");
        return binding;
    }
}
