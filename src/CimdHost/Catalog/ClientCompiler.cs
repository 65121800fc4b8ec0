using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CimdHost.Definitions;
using CimdHost.Validation;
using Piece = CimdHost.Catalog.DocumentTemplateBuilder.Piece;

namespace CimdHost.Catalog;

/// <summary>Turns a definition that passed validation into a <see cref="CompiledClient"/>; all per-client work is done here.</summary>
internal static class ClientCompiler
{
    /// <summary>CIMD -03 section 8.7: the AS SHOULD stop reading at 5 KB; the recommended cap is 5120 bytes.</summary>
    public const int MaxDocumentBytes = 5120;

    private static readonly string[] ExampleCandidates = ["7", "1", "42", "example", "a", "x", "default"];

    public static CompiledClient? Compile(
        Definition definition,
        int defaultMaxAge,
        DateTimeOffset loadedAt,
        List<Finding> findings)
    {
        var clientId = definition.FindString(MetadataNames.ClientId)!;
        var url = ClientIdGrammar.Check(clientId, []) ?? throw new InvalidOperationException("client_id was not validated.");
        var spiffeId = TemplateText.Parse(definition.FindString(MetadataNames.SpiffeId)!, out _);

        var parameters = definition.Settings.Parameters.Select(CompileParameter).ToArray();
        var index = parameters.Select((parameter, i) => (parameter.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var segments = url.Path[1..].Split('/').Select(segment => CompileSegment(segment, index)).ToArray();
        var source = segments.Any(segment => !segment.IsLiteral) ? ParameterSource.Path
            : parameters.Length > 0 ? ParameterSource.Query
            : ParameterSource.None;
        var includeQuery = definition.Settings.ClientIdQuery == ClientIdQueryMode.Include;

        var clientIdPieces = Pieces(TemplateText.Parse(clientId, out _), index).ToList();
        if (source == ParameterSource.Query && includeQuery)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                clientIdPieces.Add(new Piece((i == 0 ? "?" : "&") + parameters[i].Name + "=", -1));
                clientIdPieces.Add(new Piece(null, i));
            }
        }

        var document = DocumentTemplateBuilder.Build(definition.Published, new Dictionary<string, IReadOnlyList<Piece>>
        {
            [MetadataNames.ClientId] = clientIdPieces,
            [MetadataNames.SpiffeId] = Pieces(spiffeId, index).ToArray(),
        });

        var maxLengths = parameters.Select(parameter => parameter.MaxLength).ToArray();
        var maxDocument = document.MaxLength(maxLengths);
        if (!CheckSizes(definition, spiffeId, index, maxLengths, maxDocument, findings))
        {
            return null;
        }

        var maxAge = definition.Settings.MaxAge ?? defaultMaxAge;

        return new CompiledClient
        {
            SourcePath = definition.Path,
            ClientIdMark = definition.Find(MetadataNames.ClientId)!.Value.Mark,
            ClientId = clientId,
            Authority = url.Authority,
            Path = url.Path,
            Segments = segments,
            Parameters = parameters,
            Source = source,
            IncludeQueryInClientId = includeQuery,
            SpiffeId = spiffeId,
            Document = document,
            MaxDocumentLength = maxDocument,
            MaxAge = maxAge,
            LastModified = definition.LastModified,
            LoadedAt = loadedAt,
            Revision = Revision(document, parameters.Length, maxAge, definition.LastModified),
            Warnings = findings.Where(finding => !finding.IsError).ToArray(),
        };
    }

    private static bool CheckSizes(
        Definition definition,
        TemplateText spiffeId,
        Dictionary<string, int> index,
        int[] maxLengths,
        int maxDocument,
        List<Finding> findings)
    {
        var ok = true;
        if (maxDocument > MaxDocumentBytes)
        {
            findings.Add(new Finding(definition.Path, SourceMark.FileStart, FindingSeverity.Error, FindingRules.DocumentSize,
                string.Create(CultureInfo.InvariantCulture,
                    $"the largest document this definition can produce is {maxDocument} bytes, over the {MaxDocumentBytes}-byte limit ASes read (CIMD -03 section 8.7); shorten values, lower max_length or use jwks_uri instead of jwks")));
            ok = false;
        }

        var maxSpiffeId = spiffeId.Parts.Sum(part => part.IsPlaceholder ? maxLengths[index[part.Text]] : Encoding.UTF8.GetByteCount(part.Text));
        if (maxSpiffeId > SpiffeIdGrammar.MaxLength)
        {
            findings.Add(new Finding(definition.Path, definition.Find(MetadataNames.SpiffeId)!.Value.Mark, FindingSeverity.Error,
                FindingRules.SpiffeId, string.Create(CultureInfo.InvariantCulture,
                    $"spiffe_id can grow to {maxSpiffeId} bytes with the longest values, over the {SpiffeIdGrammar.MaxLength}-byte limit (SPIFFE-ID.md section 2.3); lower max_length")));
            ok = false;
        }

        return ok;
    }

    private static ClientParameter CompileParameter(ParameterSettings settings)
    {
        var pattern = settings.Pattern is { } text && ParameterPattern.TryCreate(text, out var regex, out _) ? regex : null;
        var example = settings.Example
            ?? ExampleCandidates.FirstOrDefault(candidate => candidate.Length <= settings.MaxLength && (pattern?.IsMatch(candidate) ?? true));

        return new ClientParameter(settings.Name, settings.MaxLength, pattern, settings.Pattern, example);
    }

    private static RouteSegment CompileSegment(string segment, Dictionary<string, int> index)
    {
        var template = TemplateText.Parse(segment, out _);
        var placeholder = template.Placeholders.SingleOrDefault();
        if (placeholder is null)
        {
            return RouteSegment.Literal(segment);
        }

        var end = placeholder.Index + placeholder.Text.Length + 2;

        return new RouteSegment(segment[..placeholder.Index], index[placeholder.Text], segment[end..]);
    }

    private static IEnumerable<Piece> Pieces(TemplateText template, Dictionary<string, int> index) =>
        template.Parts.Select(part => part.IsPlaceholder ? new Piece(null, index[part.Text]) : new Piece(part.Text, -1));

    private static string Revision(DocumentTemplate document, int parameterCount, int maxAge, DateTimeOffset lastModified)
    {
        var markers = Enumerable.Range(0, parameterCount).Select(i => ((char)(i + 1)).ToString()).ToArray();
        var bytes = document.Render(markers);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"|{maxAge}|{lastModified.UtcTicks}");
        var hash = SHA256.HashData([.. bytes, .. Encoding.ASCII.GetBytes(stamp)]);

        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
