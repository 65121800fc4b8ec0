using System.Globalization;
using System.Text.RegularExpressions;
using CimdHost.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CimdHost.Definitions;

/// <summary>
/// Turns YAML text into a <see cref="YamlNode"/> tree that remembers where each node was written. It refuses, with
/// a finding, everything that would make a definition ambiguous or expensive: duplicate keys, custom tags,
/// several documents, deep nesting and aliases that expand past a budget.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private readonly string _path;
    private readonly Parser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private int _expandedNodes;
    private SourceMark _lastMark = SourceMark.FileStart;

    private YamlTreeReader(string path, string text)
    {
        _path = path;
        _parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
    }

    /// <summary>Reads the single mapping a definition file must hold; <c>null</c> with a finding when it cannot.</summary>
    public static YamlMapping? ReadMapping(string path, string text, List<Finding> findings)
    {
        if (FindTabIndentation(text) is { } tab)
        {
            findings.Add(Error(path, tab, FindingRules.TabIndentation,
                "a tab is used for indentation; YAML indents with spaces only"));
            return null;
        }

        var reader = new YamlTreeReader(path, text);
        try
        {
            return reader.ReadStream(findings);
        }
        catch (DefinitionReadException exception)
        {
            findings.Add(exception.Finding);
        }
        catch (YamlException exception)
        {
            findings.Add(Error(path, ToMark(exception.Start), FindingRules.Syntax,
                $"invalid YAML: {DescribeSyntaxError(exception)}"));
        }
        catch (InvalidOperationException)
        {
            // Note: YamlDotNet's scanner throws this, not a YamlException, on some unterminated flow collections.
            findings.Add(Error(path, reader._lastMark, FindingRules.Syntax,
                "invalid YAML: a flow collection ([...] or {...}) or quoted string is not closed after this point"));
        }

        return null;
    }

    private YamlMapping? ReadStream(List<Finding> findings)
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out var end))
        {
            findings.Add(Error(_path, SourceMark.FileStart, FindingRules.NotOneMapping,
                "the file is empty; a definition is one mapping of metadata members"));
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(depth: 0);
        _parser.Consume<DocumentEnd>();

        if (_parser.Accept<DocumentStart>(out var second))
        {
            findings.Add(Error(_path, ToMark(second.Start), FindingRules.NotOneMapping,
                "the file holds more than one YAML document; put each client in its own file"));
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            findings.Add(Error(_path, root.Mark, FindingRules.NotOneMapping,
                "the file must be one mapping of metadata members (key: value lines)"));
            return null;
        }

        return mapping;
    }

    private YamlNode ReadNode(int depth)
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return ExpandAlias(alias);
        }

        var start = _parser.Current ?? throw new YamlException("The YAML parser ended inside a node.");
        _lastMark = ToMark(start.Start);
        YamlNode node = start switch
        {
            Scalar scalar => ReadScalar(scalar),
            SequenceStart sequence => ReadSequence(sequence, depth + 1),
            MappingStart mapping => ReadMapping(mapping, depth + 1),
            _ => throw new YamlException(start.Start, start.End, $"unexpected {start.GetType().Name}"),
        };

        if (start is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors[anchored.Anchor.Value] = node;
        }

        CountNodes(1, start);

        return node;
    }

    private YamlNode ExpandAlias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw Fail(alias, FindingRules.Syntax, $"the alias *{alias.Value.Value} names no anchor defined before it");
        }

        CountNodes(target.Weight, alias);

        return target;
    }

    private void CountNodes(int count, ParsingEvent at)
    {
        _expandedNodes += count;
        if (_expandedNodes > DefinitionLimits.MaxExpandedNodes)
        {
            throw Fail(at, FindingRules.AliasBudget, string.Create(
                CultureInfo.InvariantCulture,
                $"the file expands to more than {DefinitionLimits.MaxExpandedNodes} nodes once aliases are resolved; write the values out instead of repeating aliases"));
        }
    }

    private YamlScalar ReadScalar(Scalar scalar)
    {
        _parser.MoveNext();
        var mark = ToMark(scalar.Start);
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            // YAML 1.2 section 10.3: only the core schema's explicit string tag is meaningful to a JSON document.
            if (scalar.Tag.Value != CoreTagPrefix + "str")
            {
                throw Fail(scalar, FindingRules.Tag,
                    $"the tag {scalar.Tag.Value} is not supported; definitions use plain YAML values only");
            }

            return new YamlScalar(scalar.Value, ScalarKind.String, mark);
        }

        var kind = scalar.Style == ScalarStyle.Plain ? CoreSchema.Resolve(scalar.Value) : ScalarKind.String;

        var quoteWidth = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;

        return new YamlScalar(scalar.Value, kind, mark, quoteWidth);
    }

    private YamlSequence ReadSequence(SequenceStart start, int depth)
    {
        CheckCollection(start, depth, "seq");
        _parser.MoveNext();

        var items = new List<YamlNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth));
        }

        return new YamlSequence(items, ToMark(start.Start));
    }

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        CheckCollection(start, depth, "map");
        _parser.MoveNext();

        var members = new List<YamlMember>();
        var seen = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            if (keyEvent is not Scalar keyScalar || !keyScalar.Tag.IsEmpty && !keyScalar.Tag.IsNonSpecific)
            {
                throw Fail(keyEvent, FindingRules.KeyNotString, "a key must be a plain string");
            }

            if (keyEvent is Scalar { Style: ScalarStyle.Plain, Value: "<<" })
            {
                throw Fail(keyEvent, FindingRules.KeyNotString,
                    "merge keys (<<) are not part of YAML 1.2; write the members out");
            }

            var key = ReadScalar(keyScalar);
            if (seen.TryGetValue(key.Value, out var first))
            {
                // RFC 8259 section 4: duplicate member names make a document's meaning unpredictable.
                throw Fail(keyEvent, FindingRules.DuplicateKey,
                    $"the key {key.Value} appears twice (first at line {first.Line.ToString(CultureInfo.InvariantCulture)})");
            }

            seen.Add(key.Value, key.Mark);
            members.Add(new YamlMember(key.Value, key.Mark, ReadNode(depth)));
        }

        return new YamlMapping(members, ToMark(start.Start));
    }

    private void CheckCollection(NodeEvent start, int depth, string coreTag)
    {
        if (!start.Tag.IsEmpty && !start.Tag.IsNonSpecific && start.Tag.Value != CoreTagPrefix + coreTag)
        {
            throw Fail(start, FindingRules.Tag,
                $"the tag {start.Tag.Value} is not supported; definitions use plain YAML values only");
        }

        if (depth > DefinitionLimits.MaxDepth)
        {
            throw Fail(start, FindingRules.Depth, string.Create(CultureInfo.InvariantCulture,
                $"values nest deeper than {DefinitionLimits.MaxDepth} levels"));
        }
    }

    private DefinitionReadException Fail(ParsingEvent at, string rule, string message) =>
        new(Error(_path, ToMark(at.Start), rule, message));

    private static Finding Error(string path, SourceMark mark, string rule, string message) =>
        new(path, mark, FindingSeverity.Error, rule, message);

    private static SourceMark ToMark(Mark mark) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string DescribeSyntaxError(YamlException exception)
    {
        // YamlDotNet prefixes its messages with the position, which the finding already carries.
        var message = exception.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);

        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    /// <summary>Finds the first line whose indentation holds a tab (YAML 1.2 section 6.1 forbids tabs there).</summary>
    private static SourceMark? FindTabIndentation(string text)
    {
        var match = TabIndentationRegex().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var line = 1 + text.AsSpan(0, match.Index).Count('\n');
        var lineStart = text.LastIndexOf('\n', match.Index) + 1;
        var column = 1 + match.Index + match.Length - 1 - lineStart;

        return new SourceMark(line, column);
    }

    // A tab among the leading blanks of a line that has content after them.
    // Limitation: a tab at the start of a line inside a block scalar is reported as tab indentation too.
    [GeneratedRegex(@"(?<=^|\n)[ ]*\t(?=[ \t]*[^ \t\r\n])")]
    private static partial Regex TabIndentationRegex();

    private sealed class DefinitionReadException(Finding finding) : Exception(finding.Message)
    {
        public Finding Finding { get; } = finding;
    }
}
