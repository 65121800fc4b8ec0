using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CimdHost.Definitions;

namespace CimdHost.Catalog;

/// <summary>
/// Writes a definition's published members as compact JSON (RFC 8259): member order, types and strings exactly as
/// the YAML says, nothing added. Template strings become runs and holes of a <see cref="DocumentTemplate"/>.
/// </summary>
internal sealed partial class DocumentTemplateBuilder
{
    private readonly List<byte[]> _literals = [];
    private readonly List<int> _holes = [];
    private readonly ArrayBufferWriter<byte> _current = new();

    /// <summary>One piece of a template string: literal text, or the index of the parameter that fills it.</summary>
    internal readonly record struct Piece(string? Text, int Parameter);

    public static DocumentTemplate Build(
        IReadOnlyList<YamlMember> members,
        IReadOnlyDictionary<string, IReadOnlyList<Piece>> templateStrings)
    {
        var builder = new DocumentTemplateBuilder();
        builder.Write("{"u8);
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                builder.Write(","u8);
            }

            builder.WriteString(members[i].Name);
            builder.Write(":"u8);
            if (templateStrings.TryGetValue(members[i].Name, out var pieces))
            {
                builder.WriteTemplate(pieces);
            }
            else
            {
                builder.WriteValue(members[i].Value);
            }
        }

        builder.Write("}"u8);

        return builder.Finish();
    }

    private void WriteValue(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                WriteScalar(scalar);
                break;
            case YamlSequence sequence:
                Write("["u8);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        Write(","u8);
                    }

                    WriteValue(sequence.Items[i]);
                }

                Write("]"u8);
                break;
            case YamlMapping mapping:
                Write("{"u8);
                for (var i = 0; i < mapping.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        Write(","u8);
                    }

                    WriteString(mapping.Members[i].Name);
                    Write(":"u8);
                    WriteValue(mapping.Members[i].Value);
                }

                Write("}"u8);
                break;
        }
    }

    private void WriteScalar(YamlScalar scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.String:
                WriteString(scalar.Value);
                break;
            case ScalarKind.Null:
                Write("null"u8);
                break;
            case ScalarKind.Boolean:
                Write(scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true"u8 : "false"u8);
                break;
            case ScalarKind.Integer:
                WriteAscii(IntegerText(scalar.Value));
                break;
            case ScalarKind.Float:
                WriteAscii(JsonNumberRegex().IsMatch(scalar.Value)
                    ? scalar.Value
                    : double.Parse(scalar.Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>YAML integers may be written 0x1F, 0o17, +5 or 007; JSON knows only plain decimals.</summary>
    private static string IntegerText(string yaml)
    {
        var value = yaml switch
        {
            _ when yaml.StartsWith("0x", StringComparison.Ordinal) =>
                BigInteger.Parse("0" + yaml[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
            _ when yaml.StartsWith("0o", StringComparison.Ordinal) =>
                yaml[2..].Aggregate(BigInteger.Zero, (total, digit) => total * 8 + (digit - '0')),
            _ => BigInteger.Parse(yaml, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        };

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private void WriteTemplate(IReadOnlyList<Piece> pieces)
    {
        Write("\""u8);
        foreach (var piece in pieces)
        {
            if (piece.Text is null)
            {
                Hole(piece.Parameter);
            }
            else
            {
                Write(JsonEncodedText.Encode(piece.Text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
            }
        }

        Write("\""u8);
    }

    private void WriteString(string value)
    {
        // Note: the relaxed encoder leaves non-ASCII text as UTF-8 (client_name#ja-Jpan-JP stays readable) and
        // still escapes quotes, backslashes and control characters, which is all RFC 8259 section 7 requires.
        Write("\""u8);
        Write(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
        Write("\""u8);
    }

    private void WriteAscii(string text) => Write(Encoding.ASCII.GetBytes(text));

    private void Write(ReadOnlySpan<byte> bytes) => _current.Write(bytes);

    private void Hole(int parameter)
    {
        _literals.Add(_current.WrittenSpan.ToArray());
        _current.ResetWrittenCount();
        _holes.Add(parameter);
    }

    private DocumentTemplate Finish()
    {
        _literals.Add(_current.WrittenSpan.ToArray());

        return new DocumentTemplate(_literals, _holes);
    }

    // RFC 8259 section 6.
    [GeneratedRegex(@"\A-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\z")]
    private static partial Regex JsonNumberRegex();
}
