namespace CimdHost.Definitions;

/// <summary>A 1-based line and column in a definition file.</summary>
internal readonly record struct SourceMark(int Line, int Column)
{
    /// <summary>Where a problem that concerns the whole file is reported.</summary>
    public static SourceMark FileStart { get; } = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
