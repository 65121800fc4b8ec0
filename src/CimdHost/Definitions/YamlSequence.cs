namespace CimdHost.Definitions;

internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, SourceMark mark) : YamlNode(mark)
{
    private readonly int _weight = 1 + items.Sum(item => item.Weight);

    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override int Weight => _weight;
}
