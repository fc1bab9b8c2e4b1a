using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Broker;
using DubAgent.Cluster.Tests.Support;
using MassTransit;

namespace DubAgent.Cluster.Tests.Broker;

/// <summary>amqps:// at the configuration level: what MassTransit's TLS configuration is given, and a TLS handshake really attempted.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BrokerTlsTests(LocalBroker broker) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Amqps_hands_tls_1_2_or_1_3_the_server_name_and_the_client_certificate_to_masstransit()
    {
        File.WriteAllBytes(_folder["client.p12"], [1]);
        var address = BrokerAddress.From(new ClusterOptions
        {
            Broker = "amqps://dub@10.0.0.5/studio", TlsServerName = "rabbit.studio.lan",
            TlsClientCertificate = _folder["client.p12"], TlsClientCertificatePassword = "p12-pass",
        });
        var ssl = new SslSettings();

        address.TlsSettings.ApplyTo(ssl, address.Host);

        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, ssl.Protocol);
        Assert.Equal("rabbit.studio.lan", ssl.ServerName);
        Assert.Equal((_folder["client.p12"], "p12-pass"), (ssl.CertificatePath, ssl.CertificatePassphrase));
        Assert.Null(ssl.CertificateValidationCallback);
        Assert.Equal(TimeSpan.FromSeconds(10), address.Heartbeat);
    }

    [Fact]
    public void A_private_ca_file_accepts_the_certificates_it_signed_and_refuses_others()
    {
        using var ca = Authority("CN=Studio CA");
        using var server = Signed(ca, "CN=rabbit.studio.lan");
        using var stranger = Authority("CN=Somebody else");
        File.WriteAllText(_folder["ca.pem"], ca.ExportCertificatePem());
        var address = BrokerAddress.From(new ClusterOptions { Broker = "amqps://rabbit.studio.lan/", TlsCaFile = _folder["ca.pem"] });
        var ssl = new SslSettings();

        address.TlsSettings.ApplyTo(ssl, address.Host);

        var check = ssl.CertificateValidationCallback!;
        Assert.True(check(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(check(this, stranger, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(check(this, server, null, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void A_missing_tls_file_is_named_before_any_connection()
    {
        var error = Assert.Throws<InputException>(() => BrokerAddress.From(new ClusterOptions { Broker = "amqps://rabbit/", TlsCaFile = "/no/such/ca.pem" }));

        Assert.Contains("Cluster:TlsCaFile names '/no/such/ca.pem', which does not exist", error.Message);
    }

    [SkippableFact]
    public async Task Amqps_makes_masstransit_start_a_tls_handshake()
    {
        broker.Require();
        // The local broker speaks plain AMQP on 5672: a client that really starts TLS there fails its handshake.
        var address = BrokerAddress.From(new ClusterOptions { Broker = $"amqps://localhost:5672/{LocalBroker.VirtualHost}" });

        var error = await Assert.ThrowsAsync<InputException>(() => ClusterBus.StartAsync(address, _ => { }, CancellationToken.None));

        Assert.Contains("Cluster:Broker (amqps://localhost:5672/dubagent-test)", error.Message);
        // .NET's SslStream reading the broker's plain AMQP protocol header as a TLS record: a TLS client was started.
        Assert.Contains("Cannot determine the frame size or a corrupted frame was received", error.Message);
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Signed(X509Certificate2 ca, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), [1, 2, 3, 4]);
    }

    /// <summary>Records what DubAgent sets on MassTransit's TLS configuration of a RabbitMQ host.</summary>
    private sealed class SslSettings : IRabbitMqSslConfigurator
    {
        public SslProtocols Protocol { get; set; }
        public string? ServerName { get; set; }
        public string? CertificatePath { get; set; }
        public string? CertificatePassphrase { get; set; }
        public X509Certificate? Certificate { get; set; }
        public bool UseCertificateAsAuthenticationIdentity { get; set; }
        public LocalCertificateSelectionCallback? CertificateSelectionCallback { get; set; }
        public RemoteCertificateValidationCallback? CertificateValidationCallback { get; set; }

        public void AllowPolicyErrors(SslPolicyErrors policyErrors)
        {
        }

        public void EnforcePolicyErrors(SslPolicyErrors policyErrors)
        {
        }
    }
}
