using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Web;

/// <summary>One server with the <see cref="SearchWeb"/> catalogue, indexed, for a class of read-only search tests.</summary>
public sealed class SearchServerFixture : IAsyncLifetime
{
    public LantaiServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LantaiServer.StartAsync();
        await SearchWeb.SeedAsync(Server);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
