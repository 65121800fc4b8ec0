namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// One hostile entry dropped into a live clients folder.
/// </summary>
/// <param name="Name">The case's name, as the theory shows it.</param>
/// <param name="FileName">The entry's name in the folder.</param>
/// <param name="Create">Creates the entry in the folder passed to it.</param>
/// <param name="Rule">The rule its refusal must name, or null when any error will do.</param>
/// <param name="IsRegularFile">False for a directory, a device or a FIFO under a definition's name.</param>
/// <param name="TargetsShippedClients">A valid definition that tries to take over a shipped client's URLs.</param>
/// <param name="Release">Unblocks a reader stuck on the entry (a FIFO), so that a failing test ends.</param>
/// <param name="Remove">Takes the entry away without leaving a reader stuck on it; by default, deletes it.</param>
internal sealed record HostileDrop(
    string Name,
    string FileName,
    Action<string> Create,
    string? Rule,
    bool IsRegularFile = true,
    bool TargetsShippedClients = false,
    Action<string>? Release = null,
    Action<string>? Remove = null)
{
    public void RemoveFrom(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (Remove is not null)
        {
            Remove(folder);
        }
        else if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
