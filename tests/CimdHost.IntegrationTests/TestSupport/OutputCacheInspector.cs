using System.Reflection;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CimdHost.IntegrationTests.TestSupport;

/// <summary>Reads how many entries the framework's in-memory output-cache store holds (test-only reflection).</summary>
internal static class OutputCacheInspector
{
    public static int EntryCount(IServiceProvider services)
    {
        var store = services.GetRequiredService<IOutputCacheStore>();
        var field = store.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .FirstOrDefault(candidate => typeof(MemoryCache).IsAssignableFrom(candidate.FieldType))
            ?? throw new InvalidOperationException($"{store.GetType()} keeps no MemoryCache field; update this inspector.");
        var cache = (MemoryCache)field.GetValue(store)!;
        cache.Compact(0);

        return cache.Count;
    }
}
