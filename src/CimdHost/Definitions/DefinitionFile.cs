namespace CimdHost.Definitions;

/// <summary>A definition file on disk, seen through any symbolic links (the Kubernetes ConfigMap layout).</summary>
internal sealed class DefinitionFile
{
    private DefinitionFile(string path, FileInfo target)
    {
        Path = path;
        Target = target;
    }

    public string Path { get; }

    /// <summary>The regular file at the end of the link chain (the file itself when it is no link).</summary>
    public FileInfo Target { get; }

    public long Length => Target.Length;

    public DateTimeOffset LastModified => Target.LastWriteTimeUtc;

    /// <summary>What changes whenever the content may have changed: the resolved target, its size and its time.</summary>
    public string Fingerprint => $"{Target.FullName}|{Target.Length}|{Target.LastWriteTimeUtc.Ticks}";

    public static DefinitionFile Open(string path)
    {
        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        target.Refresh();

        return new DefinitionFile(path, target);
    }

    /// <summary>The entries of <paramref name="directory"/> that are definitions by name, in ordinal order.</summary>
    public static IEnumerable<string> EnumerateIn(string directory) =>
        Directory.EnumerateFileSystemEntries(directory)
            .Where(path => IsDefinitionName(System.IO.Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);

    private static bool IsDefinitionName(string fileName) =>
        // Note: names that start with a dot are hidden entries, such as the ConfigMap's ..data link and its
        // timestamped folders; they are never definitions themselves.
        !fileName.StartsWith('.')
        && (fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads at most <paramref name="limit"/> + 1 bytes, so a file that grows, or a device behind a link, can never
    /// make the service read without end.
    /// </summary>
    public byte[] ReadBytes(int limit)
    {
        // Note: FIFOs and character devices report a length of 0, and opening a FIFO would block until a writer
        // comes; an empty file and such an entry read alike, as nothing.
        if (Target.Length == 0)
        {
            return [];
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[Math.Min(limit + 1L, Math.Max(Target.Length, 1))];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }
}
