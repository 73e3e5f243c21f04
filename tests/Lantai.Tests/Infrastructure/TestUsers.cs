using System.Text.RegularExpressions;
using Lantai.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Infrastructure;

/// <summary>Creates users in a running <see cref="LantaiServer"/> and signs a client in through the real login form.</summary>
public static partial class TestUsers
{
    public const string Password = "Test-password-1";

    public static async Task<LantaiUser> CreateAsync(LantaiServer server, string userName, int clearance, params string[] roles)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        var user = new LantaiUser { UserName = userName, DisplayName = userName, Clearance = clearance };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        return user;
    }

    /// <summary>A client signed in as a new user holding <paramref name="roles"/>.</summary>
    public static async Task<HttpClient> SignInAsNewUserAsync(LantaiServer server, int clearance = 0, params string[] roles)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        await CreateAsync(server, name, clearance, roles);
        var client = server.CreateClient();
        await SignInAsync(client, name, Password);
        return client;
    }

    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync("/Account/Login", form);
        response.EnsureSuccessStatusCode();
    }

    public static string AntiforgeryToken(string html)
    {
        var m = TokenRegex().Match(html);
        Assert.True(m.Success, "The page has no antiforgery token.");
        return m.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
