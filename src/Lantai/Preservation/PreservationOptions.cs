using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Preservation;

/// <summary>Settings of the preservation store's background work (configuration section Lantai:Preservation).</summary>
public sealed class PreservationOptions
{
    public const string Section = "Lantai:Preservation";

    /// <summary>How often the fixity audit runs over every object (Lantai:Preservation:FixityPeriod, e.g. "30.00:00:00").</summary>
    public TimeSpan FixityPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Read rate of the fixity audit in MB (10^6 bytes) per second; 0 = as fast as the disk allows.</summary>
    public double FixityMegabytesPerSecond { get; set; } = 100;

    /// <summary>
    /// Reads the section where the host has a configuration (the web host); the CLI has none and keeps the defaults.
    /// Read by hand rather than with the configuration binder, which the engine does not otherwise need.
    /// </summary>
    public static void FromConfiguration(PreservationOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = services.GetService<IConfiguration>()?.GetSection(Section);
        if (section is null)
        {
            return;
        }

        if (TimeSpan.TryParse(section["FixityPeriod"], CultureInfo.InvariantCulture, out var period) && period > TimeSpan.Zero)
        {
            options.FixityPeriod = period;
        }

        if (double.TryParse(section["FixityMegabytesPerSecond"], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate >= 0)
        {
            options.FixityMegabytesPerSecond = rate;
        }
    }
}
