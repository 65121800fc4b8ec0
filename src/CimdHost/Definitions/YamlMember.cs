namespace CimdHost.Definitions;

/// <summary>One key and value of a mapping. Keys are always strings: they become JSON member names.</summary>
internal sealed record YamlMember(string Name, SourceMark KeyMark, YamlNode Value);
