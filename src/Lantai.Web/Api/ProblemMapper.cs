using Lantai.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Api;

/// <summary>
/// Turns expected failures (<see cref="Error"/>) into RFC 9457 problem details: a Chinese <c>title</c>, a
/// machine-readable <c>type</c> (urn:lantai:problem:…), the messages in <c>detail</c>, and <c>errors</c> per field.
/// </summary>
public static class ProblemMapper
{
    public const string TypePrefix = "urn:lantai:problem:";

    public static ProblemHttpResult ToProblem(IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        // The most decisive failure sets the status: a missing thing before a conflict before a wrong field.
        var code = errors.Any(e => e.Code == "not-found") ? "not-found"
            : errors.Any(e => e.Code == "conflict") ? "conflict"
            : errors.Count > 0 ? errors[0].Code : "validation";
        var (status, title) = code switch
        {
            "not-found" => (StatusCodes.Status404NotFound, "资源不存在"),
            "conflict" => (StatusCodes.Status409Conflict, "与现有数据冲突"),
            "validation" => (StatusCodes.Status400BadRequest, "提交的数据有误"),
            _ => (StatusCodes.Status400BadRequest, "请求无法处理"),
        };
        return Problem(status, code, title, errors);
    }

    /// <summary>A query string that cannot be read (bad year, unknown status, forged cursor): 400, never 500.</summary>
    public static ProblemHttpResult InvalidQuery(IReadOnlyList<Error> errors) =>
        Problem(StatusCodes.Status400BadRequest, "invalid-query", "查询参数有误", errors);

    public static ProblemHttpResult Problem(int status, string type, string title, IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + type,
            Title = title,
            Detail = errors.Count == 0 ? null : string.Join("；", errors.Select(e => e.Message).Distinct(StringComparer.Ordinal)),
        };
        var byField = errors.Where(e => e.Field is not null)
            .GroupBy(e => CamelCase(e.Field!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        if (byField.Count > 0)
        {
            problem.Extensions["errors"] = byField;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Problem(int status, string type, string title, string detail, string? field = null) =>
        Problem(status, type, title, [new Error(type, detail, field)]);

    private static string CamelCase(string field) =>
        field.Length > 0 && char.IsUpper(field[0]) ? char.ToLowerInvariant(field[0]) + field[1..] : field;
}
