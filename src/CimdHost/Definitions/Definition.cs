namespace CimdHost.Definitions;

/// <summary>One parsed definition file: the metadata members in file order and the reserved <c>hosting</c> block.</summary>
internal sealed class Definition
{
    /// <summary>The reserved top-level key that says how a client is served; it is never published.</summary>
    public const string HostingKey = "hosting";

    public Definition(string path, YamlMapping root, DateTimeOffset lastModified, HostingSettings settings)
    {
        Path = path;
        Root = root;
        LastModified = lastModified;
        Settings = settings;
        Published = root.Members.Where(member => member.Name != HostingKey).ToArray();
        Hosting = root.Find(HostingKey);
    }

    /// <summary>The path findings name, as the user wrote it (relative to where they ran the tool).</summary>
    public string Path { get; }

    public YamlMapping Root { get; }

    /// <summary>The file's last modification, to the second; it becomes the document's Last-Modified.</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>The members that become the document, in the order of the file.</summary>
    public IReadOnlyList<YamlMember> Published { get; }

    public YamlMember? Hosting { get; }

    /// <summary>What the <c>hosting</c> block says, read; empty when the file has none.</summary>
    public HostingSettings Settings { get; }

    public YamlMember? Find(string name) => name == HostingKey ? null : Root.Find(name);

    public string? FindString(string name) => Find(name)?.Value is YamlScalar { IsString: true } scalar ? scalar.Value : null;
}
