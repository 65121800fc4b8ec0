namespace CimdHost.Definitions;

/// <summary>One declared per-instance parameter of <c>hosting.parameters</c>.</summary>
internal sealed record ParameterSettings(
    string Name,
    SourceMark Mark,
    string? Pattern,
    SourceMark PatternMark,
    int MaxLength,
    string? Example,
    SourceMark ExampleMark)
{
    /// <summary>The longest value accepted when <c>max_length</c> is not given.</summary>
    public const int DefaultMaxLength = 64;
}
