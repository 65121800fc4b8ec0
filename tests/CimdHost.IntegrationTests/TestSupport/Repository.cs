namespace CimdHost.IntegrationTests.TestSupport;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped definitions (read-only for tests: copy them before changing anything).</summary>
    public static string ShippedClients => Path.Combine(Root, "clients.d");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CimdHost.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
