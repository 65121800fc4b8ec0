namespace CimdHost.Definitions;

/// <summary>A node of a definition file, with the place it was written.</summary>
internal abstract class YamlNode(SourceMark mark)
{
    public SourceMark Mark { get; } = mark;

    /// <summary>How many nodes this subtree holds, counting itself; used to budget alias expansion.</summary>
    public abstract int Weight { get; }
}
