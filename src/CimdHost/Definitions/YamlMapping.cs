using System.Diagnostics.CodeAnalysis;

namespace CimdHost.Definitions;

/// <summary>A mapping whose keys are unique and whose members keep the order of the file.</summary>
internal sealed class YamlMapping : YamlNode
{
    private readonly Dictionary<string, YamlMember> _byName;
    private readonly int _weight;

    public YamlMapping(IReadOnlyList<YamlMember> members, SourceMark mark)
        : base(mark)
    {
        Members = members;
        _byName = new Dictionary<string, YamlMember>(members.Count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            _byName.TryAdd(member.Name, member);
        }

        _weight = 1 + members.Sum(member => 1 + member.Value.Weight);
    }

    public IReadOnlyList<YamlMember> Members { get; }

    public override int Weight => _weight;

    public bool TryGet(string name, [NotNullWhen(true)] out YamlMember? member) => _byName.TryGetValue(name, out member);

    public YamlMember? Find(string name) => _byName.GetValueOrDefault(name);
}
