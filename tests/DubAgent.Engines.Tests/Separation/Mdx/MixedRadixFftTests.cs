using System.Numerics;
using DubAgent.Engines.Separation.Mdx;

namespace DubAgent.Engines.Tests.Separation.Mdx;

public class MixedRadixFftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(6144)]
    [InlineData(7680)]
    public void Forward_is_the_dft_and_inverse_gives_the_input_back(int n)
    {
        var random = new Random(n);
        var input = Enumerable.Range(0, n).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
        var fft = new MixedRadixFft(n);
        var spectrum = new Complex[n];
        var back = new Complex[n];

        fft.Forward(input, spectrum);
        fft.Inverse(spectrum, back, 0, new Complex[n]);

        // A handful of bins against the definition (all of them for small sizes).
        foreach (var k in n <= 60 ? Enumerable.Range(0, n) : new[] { 0, 1, 7, n / 3, n / 2, n - 1 })
        {
            var expected = Complex.Zero;
            for (var j = 0; j < n; j++) expected += input[j] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)j * k % n) / n);
            Assert.True((spectrum[k] - expected).Magnitude < 1e-9 * Math.Sqrt(n), $"bin {k}: {spectrum[k]} against {expected}");
        }
        Assert.All(Enumerable.Range(0, n), j => Assert.True((back[j] - input[j]).Magnitude < 1e-12));
    }

    [Fact]
    public void A_size_with_another_prime_factor_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MixedRadixFft(7 * 64));
}
