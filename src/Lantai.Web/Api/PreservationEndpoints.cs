using Lantai.Preservation;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantai.Web.Api;

/// <summary>/api/v1/preservation: fixity alerts and asking for a fixity audit.</summary>
public static class PreservationEndpoints
{
    public static RouteGroupBuilder MapPreservationEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var preservation = group.MapGroup("/preservation").WithTags("长期保存");
        preservation.MapGet("/alerts", ListAlertsAsync).WithName("ListPreservationAlerts")
            .WithSummary("固定性告警（默认只列未确认的；all=true 列出全部）").RequireAuthorization(Policies.CatalogueRead);
        preservation.MapPost("/alerts/{id:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgePreservationAlert")
            .WithSummary("确认固定性告警").ProducesProblem(404).RequireAuthorization(Policies.CatalogueWrite);
        preservation.MapPost("/fixity", EnqueueFixityAsync).WithName("EnqueueFixityAudit")
            .WithSummary("开始固定性检查（已有排队或运行中的检查时返回该任务）").RequireAuthorization(Policies.CatalogueWrite);
        return group;
    }

    private static async Task<Ok<List<AlertResponse>>> ListAlertsAsync(bool? all, PreservationAlerts alerts, CancellationToken cancellationToken) =>
        TypedResults.Ok((await alerts.ListAsync(all ?? false, cancellationToken)).Select(AlertResponse.Of).ToList());

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> AcknowledgeAsync(Guid id, HttpContext http, PreservationAlerts alerts, CancellationToken cancellationToken)
    {
        var result = await alerts.AcknowledgeAsync(id, CatalogueUser.Actor(http.User), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AlertResponse.Of(result.Value)) : ProblemMapper.ToProblem(result.Errors);
    }

    private static async Task<Results<Accepted<FixityJobResponse>, Ok<FixityJobResponse>>> EnqueueFixityAsync(HttpContext http, FixityAuditQueue queue, CancellationToken cancellationToken)
    {
        var (job, created) = await queue.EnqueueAsync(new FixityAuditRequest(null), CatalogueUser.Actor(http.User), cancellationToken);
        var response = new FixityJobResponse(job.Id, job.State.ToString(), created);
        return created ? TypedResults.Accepted($"/api/v1/jobs/{job.Id}", response) : TypedResults.Ok(response);
    }

    /// <summary>A fixity alert as the API shows it.</summary>
    public sealed record AlertResponse(Guid Id, DateTimeOffset At, string ObjectSm3, string Outcome, string Message, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy)
    {
        public static AlertResponse Of(PreservationAlert alert)
        {
            ArgumentNullException.ThrowIfNull(alert);
            return new AlertResponse(alert.Id, alert.At, alert.ObjectSm3, alert.Outcome.ToString().ToLowerInvariant(), alert.Message, alert.AcknowledgedAt, alert.AcknowledgedBy);
        }
    }

    /// <summary>The fixity job asked for (Created false: one was already queued or running).</summary>
    public sealed record FixityJobResponse(Guid JobId, string State, bool Created);
}
