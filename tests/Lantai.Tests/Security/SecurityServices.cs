using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Security;

/// <summary>The engine with Identity (as the CLI builds it) over a test database, for the account use cases.</summary>
public static class SecurityServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLantaiEngine(database.Options);
        services.AddLantaiIdentityCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
