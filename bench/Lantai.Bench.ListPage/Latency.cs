namespace Lantai.Bench.ListPage;

/// <summary>Latency percentiles (nearest rank) of one scenario, in milliseconds.</summary>
internal sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    public static Latency Of(List<double> ms)
    {
        if (ms.Count == 0)
        {
            return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = ms.Order().ToList();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Latency(sorted.Count, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}
