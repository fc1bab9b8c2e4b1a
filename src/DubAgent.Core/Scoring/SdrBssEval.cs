using Complex = System.Numerics.Complex;
using MathNet.Numerics.IntegralTransforms;
using MathNet.Numerics.LinearAlgebra;

namespace DubAgent.Core.Scoring;

/// <summary>
/// BSS-eval source separation metrics as mir_eval's <c>bss_eval_sources</c> (Vincent, Gribonval, Févotte 2006) computes
/// them on whole signals: each estimate is projected by least squares onto delayed copies (filterLength taps) of its
/// own reference and of all references; SDR = |P_own(est)|² / |est - P_own(est)|², SIR = |P_own|² / |P_all - P_own|²,
/// SAR = |P_all|² / |est - P_all|². The source order that maximises mean SIR is chosen, as mir_eval does.
/// Checked against mir_eval's fixture (shared/data/sdr_fixture). Mono signals; pass a downmix for multichannel.
/// </summary>
public static class SdrBssEval
{
    public const int DefaultFilterLength = 512;

    /// <summary>Scores every estimate against the references; result[i] belongs to reference i.</summary>
    public static SdrEvaluation Sources(IReadOnlyList<float[]> references, IReadOnlyList<float[]> estimates,
        int filterLength = DefaultFilterLength, bool computePermutation = true)
    {
        if (references.Count == 0 || references.Count != estimates.Count)
            throw new ArgumentException($"Need as many estimates as references (got {estimates.Count} and {references.Count}).");
        var length = references.Concat(estimates).Min(s => s.Length);
        foreach (var (s, i) in references.Select((s, i) => (s, i)))
            if (IsSilent(s, length)) throw new ArgumentException($"Reference {i} is silent; BSS-eval is undefined for it.");
        foreach (var (s, i) in estimates.Select((s, i) => (s, i)))
            if (IsSilent(s, length)) throw new ArgumentException($"Estimate {i} is silent; BSS-eval is undefined for it.");

        var projector = new Projector(references, length, filterLength);
        var n = references.Count;
        var scores = new SdrScore[n, n]; // [estimate, reference]
        for (var j = 0; j < n; j++)
        {
            var est = estimates[j];
            var estSpectrum = projector.Spectrum(est);
            var all = projector.Project(estSpectrum, Enumerable.Range(0, n).ToArray());
            for (var i = 0; i < n; i++)
            {
                var own = n == 1 ? all : projector.Project(estSpectrum, [i]);
                scores[j, i] = Criteria(est, length, own, all);
            }
        }

        var permutation = Enumerable.Range(0, n).ToArray();
        if (computePermutation && n > 1)
        {
            var bestMean = double.NegativeInfinity;
            foreach (var candidate in Permutations(n))
            {
                // candidate[i] = estimate assigned to reference i
                var mean = Enumerable.Range(0, n).Average(i => scores[candidate[i], i].Sir);
                if (mean > bestMean) { bestMean = mean; permutation = candidate; }
            }
        }
        var result = Enumerable.Range(0, n).Select(i => scores[permutation[i], i]).ToArray();
        return new SdrEvaluation(result, permutation);
    }

    /// <summary>
    /// SDR of one estimate against its reference alone. It depends on no other source (what is not explained by the
    /// filtered reference is distortion), so the "mixture as vocals" floor needs only the vocals truth.
    /// </summary>
    public static double Sdr(float[] reference, float[] estimate, int filterLength = DefaultFilterLength)
    {
        var length = Math.Min(reference.Length, estimate.Length);
        if (IsSilent(reference, length)) throw new ArgumentException("The reference is silent; SDR is undefined for it.");
        if (IsSilent(estimate, length)) return double.NegativeInfinity;
        var projector = new Projector([reference], length, filterLength);
        var own = projector.Project(projector.Spectrum(estimate), [0]);
        return Criteria(estimate, length, own, own).Sdr;
    }

    private static SdrScore Criteria(float[] estimate, int length, double[] own, double[] all)
    {
        double ownEnergy = 0, allEnergy = 0, interference = 0, distortion = 0, artifacts = 0;
        for (var t = 0; t < own.Length; t++)
        {
            var e = t < length ? estimate[t] : 0.0;
            ownEnergy += own[t] * own[t];
            allEnergy += all[t] * all[t];
            interference += (all[t] - own[t]) * (all[t] - own[t]);
            distortion += (e - own[t]) * (e - own[t]);
            artifacts += (e - all[t]) * (e - all[t]);
        }
        return new SdrScore(Db(ownEnergy, distortion), Db(ownEnergy, interference), Db(allEnergy, artifacts));
    }

    private static double Db(double numerator, double denominator) =>
        denominator == 0 ? double.PositiveInfinity : numerator == 0 ? double.NegativeInfinity : 10 * Math.Log10(numerator / denominator);

    private static bool IsSilent(float[] s, int length)
    {
        for (var i = 0; i < length; i++) if (s[i] != 0) return false;
        return true;
    }

    private static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 1) { yield return [0]; yield break; }
        foreach (var rest in Permutations(n - 1))
            for (var at = 0; at < n; at++)
            {
                var p = new List<int>(rest);
                p.Insert(at, n - 1);
                yield return p.ToArray();
            }
    }

    /// <summary>Least-squares projection onto delayed copies of references, with correlations by FFT (as mir_eval's _project).</summary>
    private sealed class Projector
    {
        private readonly int _length;
        private readonly int _taps;
        private readonly int _fft;
        private readonly Complex[][] _refSpectra;
        private readonly double[][] _crossCorrelation; // [i * n + j] = real(ifft(sf_i · conj(sf_j)))
        private readonly Dictionary<string, Func<Vector<double>, Vector<double>>> _solvers = new();

        public Projector(IReadOnlyList<float[]> references, int length, int taps)
        {
            _length = length;
            _taps = taps;
            _fft = 1 << (int)Math.Ceiling(Math.Log2(length + taps - 1.0));
            _refSpectra = references.Select(r => Spectrum(r)).ToArray();
            var n = references.Count;
            _crossCorrelation = new double[n * n][];
            for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++)
                _crossCorrelation[i * n + j] = Correlate(_refSpectra[i], _refSpectra[j], taps);
        }

        public Complex[] Spectrum(float[] signal)
        {
            var x = new Complex[_fft];
            for (var t = 0; t < _length; t++) x[t] = signal[t];
            Fourier.Forward(x, FourierOptions.Matlab);
            return x;
        }

        /// <summary>The projection of the estimate (given by its spectrum) on the references <paramref name="sources"/>, length + taps - 1 samples.</summary>
        public double[] Project(Complex[] estimateSpectrum, int[] sources)
        {
            var m = sources.Length;
            var d = Vector<double>.Build.Dense(m * _taps);
            for (var a = 0; a < m; a++)
            {
                var c = Correlate(_refSpectra[sources[a]], estimateSpectrum, _taps);
                for (var p = 0; p < _taps; p++) d[a * _taps + p] = c[Lag(-p)];
            }
            var key = string.Join(',', sources);
            if (!_solvers.TryGetValue(key, out var solve)) _solvers[key] = solve = Solver(sources);
            var coefficients = solve(d);

            var sum = new Complex[_fft];
            for (var a = 0; a < m; a++)
            {
                var filter = new Complex[_fft];
                for (var p = 0; p < _taps; p++) filter[p] = coefficients[a * _taps + p];
                Fourier.Forward(filter, FourierOptions.Matlab);
                var s = _refSpectra[sources[a]];
                for (var k = 0; k < _fft; k++) sum[k] += filter[k] * s[k];
            }
            Fourier.Inverse(sum, FourierOptions.Matlab);
            var result = new double[_length + _taps - 1];
            for (var t = 0; t < result.Length; t++) result[t] = sum[t].Real;
            return result;
        }

        /// <summary>Factorises the Gram matrix of delayed references once per source set (estimates share it).</summary>
        private Func<Vector<double>, Vector<double>> Solver(int[] sources)
        {
            var m = sources.Length;
            var n = _refSpectra.Length;
            var size = m * _taps;
            var g = new double[size * size]; // column-major
            for (var a = 0; a < m; a++)
            {
                var i = sources[a];
                for (var b = a; b < m; b++)
                {
                    var j = sources[b];
                    // G_ij[p, q] = r_ij[q - p]; stored correlations are for i <= j, and r_ji[k] = r_ij[-k].
                    var r = i <= j ? _crossCorrelation[i * n + j] : _crossCorrelation[j * n + i];
                    var flip = i > j;
                    for (var p = 0; p < _taps; p++)
                    for (var q = 0; q < _taps; q++)
                    {
                        var value = r[Lag(flip ? p - q : q - p)];
                        int row = a * _taps + p, col = b * _taps + q;
                        g[col * size + row] = value;
                        g[row * size + col] = value;
                    }
                }
            }
            var matrix = Matrix<double>.Build.DenseOfColumnMajor(size, size, g);
            try
            {
                // A Gram matrix is symmetric positive definite unless the references are degenerate.
                var cholesky = matrix.Cholesky();
                return d => cholesky.Solve(d);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
            {
            }
            // Singular (a reference that is silent in parts or two identical ones): least squares, as mir_eval falls back to lstsq.
            var svd = matrix.Svd();
            return d => svd.Solve(d);
        }

        /// <summary>Correlation lags -(taps-1)..(taps-1) of real(ifft(a · conj(b))), stored by lag mod fft (only those lags kept).</summary>
        private double[] Correlate(Complex[] a, Complex[] b, int taps)
        {
            var product = new Complex[_fft];
            for (var k = 0; k < _fft; k++) product[k] = a[k] * Complex.Conjugate(b[k]);
            Fourier.Inverse(product, FourierOptions.Matlab);
            var kept = new double[2 * taps - 1];
            for (var lag = -(taps - 1); lag <= taps - 1; lag++) kept[lag + taps - 1] = product[(lag + _fft) % _fft].Real;
            return kept;
        }

        private int Lag(int lag) => lag + _taps - 1;
    }
}
