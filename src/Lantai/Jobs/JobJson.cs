using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Lantai.Jobs;

/// <summary>JSON settings of job payloads and results: camelCase, Chinese kept readable.</summary>
public static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
