using System.Net;
using System.Security.Claims;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Web;

/// <summary>One server for the class: each role signs in and tries every protected page and endpoint family.</summary>
public sealed class SecurityPolicyTests(SecurityPolicyTests.ServerFixture fixture) : IClassFixture<SecurityPolicyTests.ServerFixture>
{
    public sealed class ServerFixture : IAsyncLifetime
    {
        public LantaiServer Server { get; private set; } = null!;

        /// <summary>An account whose roles page the security officer may open.</summary>
        public Guid TargetUserId { get; private set; }

        public async Task InitializeAsync()
        {
            Server = await LantaiServer.StartAsync();
            TargetUserId = (await TestUsers.CreateAsync(Server, "target" + Guid.NewGuid().ToString("N")[..6], 0, LantaiRoles.Archivist)).Id;
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    public static TheoryData<string> Roles => [.. LantaiRoles.All];

    private static readonly Dictionary<string, string[]> PolicyHolders = new(StringComparer.Ordinal)
    {
        [Policies.CatalogueRead] = [LantaiRoles.Archivist, LantaiRoles.Reviewer],
        [Policies.CatalogueWrite] = [LantaiRoles.Archivist],
        [Policies.SystemSettings] = [LantaiRoles.SystemAdministrator],
        [Policies.AccountsRead] = [LantaiRoles.SystemAdministrator, LantaiRoles.SecurityOfficer],
        [Policies.AccountsManage] = [LantaiRoles.SystemAdministrator],
        [Policies.RolesGrant] = [LantaiRoles.SecurityOfficer],
        [Policies.AuditRead] = [LantaiRoles.SecurityAuditor],
    };

    [Theory, MemberData(nameof(Roles))]
    public async Task Policies_GrantEachRoleExactlyItsDuties(string role)
    {
        var authorization = fixture.Server.Services.GetRequiredService<IAuthorizationService>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, role)], IdentityConstants.ApplicationScheme));

        foreach (var (policy, holders) in PolicyHolders)
        {
            var allowed = (await authorization.AuthorizeAsync(principal, policy)).Succeeded;
            Assert.True(allowed == holders.Contains(role), $"{role} on {policy}: expected {(holders.Contains(role) ? "allowed" : "denied")}");
        }
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task SecurityPages_OpenOnlyToTheirRole(string role)
    {
        var client = await SignInAsync(role);
        var expectations = new (string Path, bool Allowed)[]
        {
            ("/Security/Users", role is LantaiRoles.SystemAdministrator or LantaiRoles.SecurityOfficer),
            ($"/Security/UserRoles?id={fixture.TargetUserId}", role == LantaiRoles.SecurityOfficer),
            ("/Security/Audit", role == LantaiRoles.SecurityAuditor),
            ("/Account/Manage", true),
            ("/Account/ChangePassword", true),
        };

        foreach (var (path, allowed) in expectations)
        {
            using var response = await client.GetAsync(path);
            if (allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} GET {path}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} GET {path}: {response.StatusCode}");
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
        }
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task SecurityApi_AnswersEachRoleWithItsStatus(string role)
    {
        var client = await SignInAsync(role);
        var auditor = role == LantaiRoles.SecurityAuditor ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        using var me = await client.GetAsync("/api/v1/me");
        using var audit = await client.GetAsync("/api/v1/audit");
        using var verify = await client.PostAsync("/api/v1/audit/verify", null);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains($"\"{role}\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(auditor, audit.StatusCode);
        Assert.Equal(auditor, verify.StatusCode);
        if (auditor == HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", audit.Content.Headers.ContentType?.MediaType);
            Assert.Contains("urn:lantai:problem:forbidden", await audit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task AccountManagementPosts_RefuseEveryoneButTheAdministrator(string role)
    {
        var client = await SignInAsync(role);
        var html = await client.GetStringAsync("/Account/Manage");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewUserName"] = "intruder" + Guid.NewGuid().ToString("N")[..6],
            ["__RequestVerificationToken"] = TestUsers.AntiforgeryToken(html),
        });

        using var response = await client.PostAsync("/Security/Users?handler=Create", form);

        if (role == LantaiRoles.SystemAdministrator)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"one-time-password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignInOrAnswered401()
    {
        var client = fixture.Server.CreateClient(followRedirects: false);

        foreach (var path in new[] { "/Security/Users", "/Security/Audit", "/Account/Manage", "/Account/ChangePassword" })
        {
            using var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/Login", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/api/v1/me", "/api/v1/audit" })
        {
            using var api = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            Assert.Contains("urn:lantai:problem:unauthenticated", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSecurityEndpoints()
    {
        var client = fixture.Server.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/me", "/api/v1/auth/login", "/api/v1/audit", "/api/v1/audit/verify" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> SignInAsync(string role)
    {
        var name = "p" + Guid.NewGuid().ToString("N")[..10];
        await TestUsers.CreateAsync(fixture.Server, name, 0, role);
        var client = fixture.Server.CreateClient(followRedirects: false);
        var html = await client.GetStringAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name,
            ["Password"] = TestUsers.Password,
            ["__RequestVerificationToken"] = TestUsers.AntiforgeryToken(html),
        });
        using var response = await client.PostAsync("/Account/Login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
