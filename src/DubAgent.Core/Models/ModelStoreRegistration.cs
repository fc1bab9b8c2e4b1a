using DubAgent.Abstractions.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Core.Models;

public static class ModelStoreRegistration
{
    /// <summary>One model store for the process (settings from the "Models" section), as itself and as IModelStore.</summary>
    public static IServiceCollection AddModelStore(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ModelStore(ModelStoreOptions.From(sp.GetService<IConfiguration>())));
        services.TryAddSingleton<IModelStore>(sp => sp.GetRequiredService<ModelStore>());
        return services;
    }
}
