using System.Text;

namespace CimdHost.Validation;

/// <summary>
/// A string with <c>{name}</c> placeholders, such as <c>spiffe://example.org/client/{instance_id}</c>. Names are a
/// letter or underscore followed by letters, digits or underscores; any other brace is an error.
/// </summary>
internal sealed class TemplateText
{
    private TemplateText(string source, IReadOnlyList<TemplatePart> parts)
    {
        Source = source;
        Parts = parts;
    }

    public string Source { get; }

    /// <summary>Literal text and placeholders, in order; two literals never stand side by side.</summary>
    public IReadOnlyList<TemplatePart> Parts { get; }

    public bool HasPlaceholders => Parts.Any(part => part.IsPlaceholder);

    public IEnumerable<TemplatePart> Placeholders => Parts.Where(part => part.IsPlaceholder);

    public static TemplateText Parse(string source, out GrammarProblem? problem)
    {
        problem = null;
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var literalStart = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '}')
            {
                problem ??= new GrammarProblem(FindingRules.PlaceholderUndeclared,
                    "a closing brace } without an opening one; placeholders are written {name}", i);
                literal.Append(c);
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = source.IndexOf('}', i + 1);
            var name = close < 0 ? null : source[(i + 1)..close];
            if (name is null || !IsName(name))
            {
                problem ??= new GrammarProblem(FindingRules.PlaceholderUndeclared,
                    "a brace that is not a placeholder; placeholders are written {name} with a letter or underscore first", i);
                literal.Append(c);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(literal.ToString(), false, literalStart));
                literal.Clear();
            }

            parts.Add(new TemplatePart(name, true, i));
            i = close;
            literalStart = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), false, literalStart));
        }

        return new TemplateText(source, parts);
    }

    /// <summary>The text with every placeholder replaced by the value <paramref name="fill"/> gives for its name.</summary>
    public string Fill(Func<string, string> fill)
    {
        var text = new StringBuilder(Source.Length);
        foreach (var part in Parts)
        {
            text.Append(part.IsPlaceholder ? fill(part.Text) : part.Text);
        }

        return text.ToString();
    }

    public static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 64 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A literal run of a <see cref="TemplateText"/>, or a placeholder whose <see cref="Text"/> is its name.</summary>
internal sealed record TemplatePart(string Text, bool IsPlaceholder, int Index);
