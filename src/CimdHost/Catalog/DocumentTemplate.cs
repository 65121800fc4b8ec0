namespace CimdHost.Catalog;

/// <summary>
/// A client's document rendered once at load into byte runs with holes where parameter values go, so a request
/// costs one allocation and a few copies. Values are plain ASCII that needs no JSON escaping (they are checked to be
/// SPIFFE path-segment characters before they get here).
/// </summary>
internal sealed class DocumentTemplate
{
    private readonly byte[][] _literals;
    private readonly int[] _holes;
    private readonly int _literalLength;

    public DocumentTemplate(IReadOnlyList<byte[]> literals, IReadOnlyList<int> holes)
    {
        if (literals.Count != holes.Count + 1)
        {
            throw new ArgumentException("A template has one more literal run than holes.", nameof(literals));
        }

        _literals = [.. literals];
        _holes = [.. holes];
        _literalLength = _literals.Sum(literal => literal.Length);
    }

    /// <summary>Which parameter fills each hole, in document order; a parameter may fill several.</summary>
    public IReadOnlyList<int> Holes => _holes;

    /// <summary>The size of the largest document any accepted values can produce.</summary>
    public int MaxLength(IReadOnlyList<int> maxValueLengths) =>
        _literalLength + _holes.Sum(hole => maxValueLengths[hole]);

    public byte[] Render(IReadOnlyList<string> values)
    {
        var length = _literalLength;
        foreach (var hole in _holes)
        {
            length += values[hole].Length;
        }

        var bytes = new byte[length];
        var span = bytes.AsSpan();
        var position = 0;
        for (var i = 0; i < _holes.Length; i++)
        {
            _literals[i].CopyTo(span[position..]);
            position += _literals[i].Length;

            var value = values[_holes[i]];
            for (var c = 0; c < value.Length; c++)
            {
                span[position++] = (byte)value[c];
            }
        }

        _literals[^1].CopyTo(span[position..]);

        return bytes;
    }
}
