using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Query;

/// <summary>One <see cref="SearchCatalogue"/> on SQLite shared by the tests of a class that only read it.</summary>
public sealed class SqliteCatalogueFixture : IAsyncLifetime
{
    private SearchCatalogue? _catalogue;

    public SearchCatalogue Catalogue => _catalogue ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _catalogue = await SearchCatalogue.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        if (_catalogue is not null)
        {
            await _catalogue.DisposeAsync();
        }
    }
}
