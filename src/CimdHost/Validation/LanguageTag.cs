using System.Text.RegularExpressions;

namespace CimdHost.Validation;

/// <summary>BCP 47 language tags (RFC 5646 section 2.1), as used after <c>#</c> in member names (RFC 7591 section 2.2).</summary>
internal static partial class LanguageTag
{
    private static readonly HashSet<string> Grandfathered = new(StringComparer.OrdinalIgnoreCase)
    {
        "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo",
        "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish",
        "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    };

    public static bool IsValid(string tag) => Grandfathered.Contains(tag) || LangtagRegex().IsMatch(tag);

    // RFC 5646 section 2.1: langtag / privateuse. Singletons may not repeat, which the regex does not check.
    [GeneratedRegex(
        @"\A(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
        + @"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?"
        + @"|x(?:-[a-z0-9]{1,8})+)\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LangtagRegex();
}
