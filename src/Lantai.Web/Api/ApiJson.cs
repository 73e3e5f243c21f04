using System.Text.Json;
using Lantai.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Lantai.Web.Api;

/// <summary>
/// Reads a JSON body itself, so a malformed one is answered with a Chinese problem naming the place (and the raw bytes
/// are at hand for the idempotency fingerprint) instead of the framework's bare 400.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 1 << 20;

    public static async Task<(Result<T> Body, byte[] Raw)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (Error.Validation("body", "请求体应为 JSON（Content-Type: application/json）"), []);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (Error.Validation("body", "请求体过大（不超过1MB）"), []);
            }

            buffer.Write(chunk, 0, read);
        }

        var raw = buffer.ToArray();
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = JsonSerializer.Deserialize<T>(raw, options);
            return body is null ? (Error.Validation("body", "请求体不能为空"), raw) : (body, raw);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"（位置 {e.Path}）";
            return (Error.Validation(FieldOf(e.Path), $"请求体不是有效的 JSON，或字段类型不对{where}"), raw);
        }
    }

    private static string FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
}
