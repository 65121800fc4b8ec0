namespace CimdHost.Catalog;

/// <summary>
/// One path segment of a client's route: literal text, or a literal prefix, one parameter and a literal suffix
/// (<c>{instance_id}.json</c> is the empty prefix, parameter 0 and the suffix <c>.json</c>).
/// </summary>
internal sealed record RouteSegment(string Prefix, int Parameter, string Suffix)
{
    public bool IsLiteral => Parameter < 0;

    public static RouteSegment Literal(string text) => new(text, -1, "");

    /// <summary>The raw value this segment captures from <paramref name="segment"/>, or <c>null</c> when it does not fit.</summary>
    public string? Capture(ReadOnlySpan<char> segment)
    {
        if (IsLiteral)
        {
            return segment.SequenceEqual(Prefix) ? "" : null;
        }

        return segment.Length >= Prefix.Length + Suffix.Length
            && segment.StartsWith(Prefix, StringComparison.Ordinal)
            && segment.EndsWith(Suffix, StringComparison.Ordinal)
                ? segment[Prefix.Length..^Suffix.Length].ToString()
                : null;
    }

    public override string ToString() => IsLiteral ? Prefix : $"{Prefix}{{{Parameter}}}{Suffix}";
}
