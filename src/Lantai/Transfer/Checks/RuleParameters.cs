using System.Text.Json;

namespace Lantai.Transfer.Checks;

/// <summary>Reads a rule's JSON <see cref="CheckRule.Parameters"/> into a check's parameter record (defaults when absent).</summary>
public static class RuleParameters
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The parameters, or an error (Chinese) naming the rule when its JSON is not valid.</summary>
    public static (T Value, string? Error) Read<T>(CheckRule rule)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (string.IsNullOrWhiteSpace(rule.Parameters))
        {
            return (new T(), null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(rule.Parameters, Options) ?? new T(), null);
        }
        catch (JsonException ex)
        {
            return (new T(), $"检测项 {rule.Code} 的参数不是有效的 JSON：{ex.Message}");
        }
    }
}
