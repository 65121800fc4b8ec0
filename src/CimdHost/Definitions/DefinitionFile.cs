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

    public static bool IsDefinitionName(string fileName) =>
        // Note: names that start with a dot are hidden entries, such as the ConfigMap's ..data link and its
        // timestamped folders; they are never definitions themselves.
        !fileName.StartsWith('.')
        && (fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

    public byte[] ReadAllBytes() => File.ReadAllBytes(Path);
}
