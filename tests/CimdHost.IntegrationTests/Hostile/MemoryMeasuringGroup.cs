namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// Tests that measure the process's memory run alone: another test's allocations would blur the reading.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringGroup
{
    public const string Name = "Memory-sensitive";
}
