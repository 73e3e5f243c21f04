namespace Lantai.Web.Security;

/// <summary>
/// Puts <see cref="AccountGate"/> at the front of the pipeline, so it covers every page and endpoint whatever order
/// the host adds its middleware in.
/// </summary>
public sealed class AccountGateStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AccountGate>();
        next(app);
    };
}
