namespace CimdHost.Definitions;

internal sealed class YamlScalar(string value, ScalarKind kind, SourceMark mark, int quoteWidth = 0) : YamlNode(mark)
{
    /// <summary>1 for a quoted scalar, whose text starts one column after its mark; 0 otherwise.</summary>
    public int QuoteWidth { get; } = quoteWidth;

    /// <summary>The scalar's text exactly as the file spells it (after YAML unquoting and folding).</summary>
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = kind;

    public override int Weight => 1;

    public bool IsString => Kind == ScalarKind.String;
}
