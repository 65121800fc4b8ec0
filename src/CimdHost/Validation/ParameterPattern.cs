using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CimdHost.Validation;

/// <summary>
/// A parameter's <c>pattern</c>, matched against the whole value with .NET's non-backtracking engine, so that a
/// pattern such as <c>(a+)+b</c> costs linear time whatever a request sends. Identical patterns share one instance.
/// </summary>
internal static class ParameterPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    // Note: no match timeout. The non-backtracking engine is linear in the input, and with a timeout it was measured
    // answering "no match" instead of throwing once a starved CPU let the timeout pass (.NET 10.0.12), which refused
    // the shipped example at startup.
    private static readonly TimeSpan MatchTimeout = Regex.InfiniteMatchTimeout;

    public static bool TryCreate(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (Compiled.TryGetValue(pattern, out regex))
        {
            return true;
        }

        try
        {
            // Compiled once as written, so that a syntax error names offsets in the pattern the user wrote.
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);

            // Anchored with \A and \z: "matched against the whole value", and never across a trailing newline as $ would.
            regex = new Regex($@"\A(?:{pattern})\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            error = exception.Message;
            return false;
        }

        regex = Compiled.GetOrAdd(pattern, regex);

        return true;
    }
}
