using System.Globalization;
using System.Text.RegularExpressions;
using CimdHost.Validation;

namespace CimdHost.Definitions;

/// <summary>Reads the <c>hosting</c> block, reporting unknown keys and values of the wrong type.</summary>
internal static partial class HostingReader
{
    public const string ParametersKey = "parameters";
    public const string MaxAgeKey = "max_age";
    public const string ClientIdQueryKey = "client_id_query";

    private const string PatternKey = "pattern";
    private const string MaxLengthKey = "max_length";
    private const string ExampleKey = "example";

    /// <summary>The longest <c>max-age</c> accepted: one year, beyond which RFC 9111 caches gain nothing.</summary>
    public const int MaxMaxAge = 31_536_000;

    private static readonly string[] HostingKeys = [ParametersKey, MaxAgeKey, ClientIdQueryKey];
    private static readonly string[] ParameterKeys = [PatternKey, MaxLengthKey, ExampleKey];

    public static HostingSettings Read(string path, YamlMember? hosting, List<Finding> findings)
    {
        if (hosting is null)
        {
            return HostingSettings.Empty;
        }

        if (hosting.Value is YamlScalar { Kind: ScalarKind.Null })
        {
            return HostingSettings.Empty;
        }

        if (hosting.Value is not YamlMapping block)
        {
            findings.Add(Error(path, hosting.Value.Mark, FindingRules.Hosting,
                "hosting must be a mapping (parameters, max_age, client_id_query)"));
            return HostingSettings.Empty;
        }

        ReportUnknownKeys(path, block, HostingKeys, "hosting", findings);

        var parameters = block.Find(ParametersKey) is { } declared
            ? ReadParameters(path, declared, findings)
            : [];
        int? maxAge = block.Find(MaxAgeKey) is { } age ? ReadMaxAge(path, age, findings) : null;
        var (mode, modeMark) = block.Find(ClientIdQueryKey) is { } query
            ? ReadClientIdQuery(path, query, findings)
            : (ClientIdQueryMode.Include, SourceMark.FileStart);

        return new HostingSettings(parameters, maxAge, mode, modeMark);
    }

    private static List<ParameterSettings> ReadParameters(string path, YamlMember member, List<Finding> findings)
    {
        var parameters = new List<ParameterSettings>();
        if (member.Value is YamlScalar { Kind: ScalarKind.Null })
        {
            return parameters;
        }

        if (member.Value is not YamlMapping declared)
        {
            findings.Add(Error(path, member.Value.Mark, FindingRules.Parameter,
                "hosting.parameters must map each parameter name to its settings (pattern, max_length, example)"));
            return parameters;
        }

        foreach (var parameter in declared.Members)
        {
            if (!ParameterNameRegex().IsMatch(parameter.Name))
            {
                findings.Add(Error(path, parameter.KeyMark, FindingRules.Parameter,
                    "a parameter name is a letter or underscore followed by letters, digits or underscores"));
                continue;
            }

            parameters.Add(ReadParameter(path, parameter, findings));
        }

        return parameters;
    }

    private static ParameterSettings ReadParameter(string path, YamlMember parameter, List<Finding> findings)
    {
        string? pattern = null;
        string? example = null;
        var patternMark = parameter.KeyMark;
        var exampleMark = parameter.KeyMark;
        var maxLength = ParameterSettings.DefaultMaxLength;

        if (parameter.Value is YamlMapping settings)
        {
            ReportUnknownKeys(path, settings, ParameterKeys, $"hosting.parameters.{parameter.Name}", findings);

            if (settings.Find(PatternKey) is { } patternMember)
            {
                pattern = ReadString(path, patternMember, findings);
                patternMark = patternMember.Value.Mark;
            }

            if (settings.Find(ExampleKey) is { } exampleMember)
            {
                example = ReadString(path, exampleMember, findings, acceptNumbers: true);
                exampleMark = exampleMember.Value.Mark;
            }

            if (settings.Find(MaxLengthKey) is { } lengthMember)
            {
                maxLength = ReadInteger(path, lengthMember, 1, 255, findings) ?? maxLength;
            }
        }
        else if (parameter.Value is not YamlScalar { Kind: ScalarKind.Null })
        {
            findings.Add(Error(path, parameter.Value.Mark, FindingRules.Parameter,
                $"hosting.parameters.{parameter.Name} must be a mapping (pattern, max_length, example)"));
        }

        return new ParameterSettings(parameter.Name, parameter.KeyMark, pattern, patternMark, maxLength, example, exampleMark);
    }

    private static int? ReadMaxAge(string path, YamlMember member, List<Finding> findings) =>
        ReadInteger(path, member, 0, MaxMaxAge, findings);

    private static (ClientIdQueryMode, SourceMark) ReadClientIdQuery(
        string path,
        YamlMember member,
        List<Finding> findings)
    {
        switch (member.Value)
        {
            case YamlScalar { IsString: true, Value: "include" }:
                return (ClientIdQueryMode.Include, member.Value.Mark);
            case YamlScalar { IsString: true, Value: "exclude" }:
                return (ClientIdQueryMode.Exclude, member.Value.Mark);
            default:
                findings.Add(Error(path, member.Value.Mark, FindingRules.Hosting,
                    "hosting.client_id_query is include (the default) or exclude"));
                return (ClientIdQueryMode.Include, member.Value.Mark);
        }
    }

    private static string? ReadString(string path, YamlMember member, List<Finding> findings, bool acceptNumbers = false)
    {
        if (member.Value is YamlScalar scalar && (scalar.IsString || acceptNumbers && scalar.Kind == ScalarKind.Integer))
        {
            return scalar.Value;
        }

        findings.Add(Error(path, member.Value.Mark, FindingRules.Hosting, $"{member.Name} must be a string"));

        return null;
    }

    private static int? ReadInteger(string path, YamlMember member, int min, int max, List<Finding> findings)
    {
        if (member.Value is YamlScalar { Kind: ScalarKind.Integer } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        findings.Add(Error(path, member.Value.Mark, FindingRules.Hosting, string.Create(
            CultureInfo.InvariantCulture, $"{member.Name} must be a whole number from {min} to {max}")));

        return null;
    }

    private static void ReportUnknownKeys(
        string path,
        YamlMapping block,
        string[] known,
        string where,
        List<Finding> findings)
    {
        foreach (var member in block.Members)
        {
            if (Array.IndexOf(known, member.Name) >= 0)
            {
                continue;
            }

            var suggestion = NameSuggestions.Closest(member.Name, known);
            var hint = suggestion is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean {suggestion}?";
            findings.Add(Error(path, member.KeyMark, FindingRules.HostingUnknownKey,
                $"{where} has no key {member.Name}; {hint}"));
        }
    }

    private static Finding Error(string path, SourceMark mark, string rule, string message) =>
        new(path, mark, FindingSeverity.Error, rule, message);

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]{0,63}\z")]
    private static partial Regex ParameterNameRegex();
}
