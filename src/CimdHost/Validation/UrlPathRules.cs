namespace CimdHost.Validation;

/// <summary>RFC 3986 character classes and percent-encoding, as used for client_id paths and request values.</summary>
internal static class UrlPathRules
{
    /// <summary>RFC 3986 section 2.3: characters that never need percent-encoding.</summary>
    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    /// <summary>RFC 3986 section 3.3: characters a path segment may hold as they are, besides percent-encodings.</summary>
    public static bool IsPathChar(char c) =>
        IsUnreserved(c) || c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@';

    /// <summary>Decodes <c>%XX</c> escapes; <c>null</c> when an escape is malformed.</summary>
    public static string? PercentDecode(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('%'))
        {
            return raw.ToString();
        }

        var decoded = new char[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '%')
            {
                decoded[length++] = raw[i];
                continue;
            }

            if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
            {
                return null;
            }

            // A byte above 0x7F stays a non-ASCII character here, which every caller then refuses by character class.
            decoded[length++] = (char)Convert.ToByte(raw.Slice(i + 1, 2).ToString(), 16);
            i += 2;
        }

        return new string(decoded, 0, length);
    }
}
