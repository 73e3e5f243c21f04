using Lantai.Security;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Web;

public sealed class SignInTests
{
    [Fact]
    public async Task Home_AfterSignIn_ShowsHoldings()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var html = await client.GetStringAsync("/");

        Assert.Contains("档案目录", html, StringComparison.Ordinal);
    }
}
