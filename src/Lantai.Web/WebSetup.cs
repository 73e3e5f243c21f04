using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Localization;

namespace Lantai.Web;

/// <summary>The web host's services and pipeline: Razor Pages in zh-CN (English available), ProblemDetails, OpenAPI, security.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddLantaiWeb(this IServiceCollection services)
    {
        // Chinese and Mongolian text stays readable in the HTML instead of becoming numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages().AddViewLocalization();
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        services.AddLantaiSecurity();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // A ?culture=en link sets the cookie; after that the cookie decides. The browser's Accept-Language is not
            // consulted: the default is Chinese for everyone, whatever their browser says.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseLantaiWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            // Persist an explicit ?culture= choice so the next page keeps the language.
            if (context.Request.Query.TryGetValue("culture", out var culture) && SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.ToString())),
                    new CookieOptions { IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            }

            await next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous();
        return app;
    }
}
