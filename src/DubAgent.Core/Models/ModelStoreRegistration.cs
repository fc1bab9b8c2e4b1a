using DubAgent.Abstractions.Models;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Core.Models;

public static class ModelStoreRegistration
{
    /// <summary>One model store for the process (settings from the "Models" section), as itself and as IModelStore.</summary>
    public static IServiceCollection AddModelStore(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var options = ModelStoreOptions.From(sp.GetService<IConfiguration>());
            return new ModelStore(options, ModelCatalog.With(options.CatalogFile, sp.GetServices<IModelCatalogSource>()));
        });
        services.TryAddSingleton<IModelStore>(sp => sp.GetRequiredService<ModelStore>());
        services.AddOptionsSection<ModelsSection>(ModelsSection.Section);
        return services;
    }
}
