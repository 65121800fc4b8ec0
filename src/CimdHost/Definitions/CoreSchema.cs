using System.Text.RegularExpressions;

namespace CimdHost.Definitions;

/// <summary>
/// Plain-scalar resolution of the YAML 1.2 core schema (YAML 1.2.2 section 10.3.2). Unlike YAML 1.1, words such as
/// <c>yes</c>, <c>no</c>, <c>on</c> and <c>off</c> stay strings, so <c>software_version: no</c> publishes "no".
/// </summary>
internal static partial class CoreSchema
{
    public static ScalarKind Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when IntegerRegex().IsMatch(plain) => ScalarKind.Integer,
        _ when FloatRegex().IsMatch(plain) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    [GeneratedRegex(@"\A(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z")]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"\A(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z")]
    private static partial Regex FloatRegex();
}
