using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using DubAgent.Abstractions.Errors;
using MassTransit;

namespace DubAgent.Cluster.Broker;

/// <summary>
/// How an amqps:// connection is made: TLS 1.2 or 1.3, the broker's certificate checked against its host name (or
/// `Cluster:TlsServerName`) and the system's CAs, or only the CA of `Cluster:TlsCaFile` for a private one, and a client
/// certificate when `Cluster:TlsClientCertificate` names one. Missing files are named before any connection.
/// </summary>
public sealed record BrokerTls(string? ServerName, string? CaFile, string? ClientCertificate, string? ClientCertificatePassword)
{
    public static BrokerTls From(ClusterOptions options, bool tls)
    {
        var settings = new BrokerTls(options.TlsServerName, options.TlsCaFile, options.TlsClientCertificate, options.TlsClientCertificatePassword);
        if (!tls) return settings;
        foreach (var (key, file) in new[] { ("Cluster:TlsCaFile", settings.CaFile), ("Cluster:TlsClientCertificate", settings.ClientCertificate) })
            if (file is not null && !File.Exists(file))
                throw new InputException($"{key} names '{file}', which does not exist.", $"Give the path of the file on this machine, or leave {key} unset.");
        return settings;
    }

    /// <summary>Hands these settings to MassTransit's TLS configuration of the host.</summary>
    public void ApplyTo(IRabbitMqSslConfigurator ssl, string host)
    {
        ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
        ssl.ServerName = ServerName ?? host;
        if (ClientCertificate is not null)
        {
            ssl.CertificatePath = ClientCertificate;
            ssl.CertificatePassphrase = ClientCertificatePassword;
        }
        if (CaFile is not null) ssl.CertificateValidationCallback = TrustingOnly(CaFile);
    }

    /// <summary>A chain that ends at the given CA (and a name that matches) is accepted; anything else is refused.</summary>
    private static RemoteCertificateValidationCallback TrustingOnly(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caFile);
        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(presented);
        };
    }
}
