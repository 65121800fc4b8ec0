using System.Text;
using System.Text.RegularExpressions;
using CimdHost.Catalog;
using CimdHost.Management;
using CimdHost.Validation;

namespace CimdHost.UnitTests.Validation;

/// <summary>
/// Every file in Corpus/ is one case; every folder is one case of several files checked together. Each file
/// states the exact findings it must produce in <c># expect: severity rule line:column</c> lines (or
/// <c># expect: none</c>), and the loader must produce those and no others.
/// </summary>
public sealed partial class DefinitionCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(CorpusDirectory).Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileName(entry));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_Case_ProducesExactlyTheExpectedFindings(string name)
    {
        var folder = Directory.CreateTempSubdirectory("cimdhost-corpus-");
        try
        {
            var source = Path.Combine(CorpusDirectory, name);
            var files = Directory.Exists(source) ? Directory.GetFiles(source) : [source];
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            var snapshot = Load(folder.FullName);

            foreach (var file in files)
            {
                var path = Path.Combine(folder.FullName, Path.GetFileName(file));
                var expected = Expectations(file);
                var status = Assert.Single(snapshot.Definitions, status => status.Path == path);
                var actual = status.Findings.Select(Describe).Order(StringComparer.Ordinal).ToArray();

                Assert.True(expected.SequenceEqual(actual), $"{name}/{Path.GetFileName(file)}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", status.Findings)}");
                Assert.Equal(expected.Any(line => line.StartsWith("error", StringComparison.Ordinal)), status.State == DefinitionState.Refused);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Corpus_EveryRule_IsExercisedByACase()
    {
        var expected = Directory.EnumerateFiles(CorpusDirectory, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(Expectations)
            .Select(line => line.Split(' ')[1])
            .ToHashSet();
        var rules = typeof(FindingRules).GetFields().Select(field => (string)field.GetValue(null)!);

        var untested = rules.Where(rule => !expected.Contains(rule) && rule != FindingRules.Unreadable).ToArray();

        Assert.True(untested.Length == 0, "rules no corpus case expects: " + string.Join(", ", untested));
    }

    internal static CatalogSnapshot Load(string folder) =>
        new CatalogLoader(new DefinitionValidator(), TimeProvider.System)
            .Load(folder, 300, new ReservedPaths(ManagementEndpoints.ReservedPaths), CatalogSnapshot.Empty);

    private static string Describe(Finding finding) =>
        $"{finding.SeverityName} {finding.Rule} {finding.Mark.Line}:{finding.Mark.Column}";

    private static string[] Expectations(string file)
    {
        // Latin-1 reads every byte, so a case of invalid UTF-8 still states its expectations.
        var text = File.ReadAllText(file, Encoding.Latin1);

        return ExpectRegex().Matches(text)
            .Select(match => match.Groups[1].Value.TrimEnd('\r'))
            .Where(line => line != "none")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"^(?:\xEF\xBB\xBF)?# expect: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ExpectRegex();
}
