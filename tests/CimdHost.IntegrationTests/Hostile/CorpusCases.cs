using System.Text;
using System.Text.RegularExpressions;
using CimdHost.IntegrationTests.TestSupport;

namespace CimdHost.IntegrationTests.Hostile;

/// <summary>
/// The refused cases of the unit tests' definition corpus (tests/CimdHost.UnitTests/Corpus), one whole file each,
/// with the first rule its <c># expect:</c> lines name: the same files, dropped into a live folder instead.
/// </summary>
internal static partial class CorpusCases
{
    public static IReadOnlyList<(string Name, byte[] Bytes, string Rule)> Refused { get; } = Load();

    private static (string Name, byte[] Bytes, string Rule)[] Load()
    {
        var folder = Path.Combine(Repository.Root, "tests", "CimdHost.UnitTests", "Corpus");

        return Directory.EnumerateFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Bytes: File.ReadAllBytes(path)))
            .Select(file => (file.Name, file.Bytes, Rule: FirstError(file.Bytes)))
            .Where(file => file.Rule is not null)
            .Select(file => ("corpus-" + file.Name, file.Bytes, file.Rule!))
            .ToArray();
    }

    private static string? FirstError(byte[] bytes) =>
        ErrorExpectation().Matches(Encoding.Latin1.GetString(bytes))
            .Select(match => match.Groups[1].Value)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    [GeneratedRegex(@"^(?:\xEF\xBB\xBF)?# expect: error ([a-z0-9-]+) ", RegexOptions.Multiline)]
    private static partial Regex ErrorExpectation();
}
