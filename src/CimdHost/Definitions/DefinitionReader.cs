using System.Globalization;
using System.Text;
using CimdHost.Validation;

namespace CimdHost.Definitions;

/// <summary>Reads a definition file's bytes into a <see cref="Definition"/>, or into findings that say why not.</summary>
internal static class DefinitionReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Definition? Read(string path, ReadOnlySpan<byte> bytes, DateTimeOffset lastModified, List<Finding> findings)
    {
        if (bytes.Length > DefinitionLimits.MaxFileBytes)
        {
            findings.Add(TooLarge(path, bytes.Length));
            return null;
        }

        // A UTF-8 byte order mark is tolerated (RFC 8259 section 8.1 lets parsers ignore one); it is never published.
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            findings.Add(new Finding(path, SourceMark.FileStart, FindingSeverity.Error, FindingRules.Encoding,
                string.Create(CultureInfo.InvariantCulture,
                    $"the file is not valid UTF-8 (first bad byte at offset {exception.Index}); save it as UTF-8")));
            return null;
        }

        var root = YamlTreeReader.ReadMapping(path, text, findings);

        if (root is null)
        {
            return null;
        }

        var settings = HostingReader.Read(path, root.Find(Definition.HostingKey), findings);

        return new Definition(path, root, TruncateToSeconds(lastModified), settings);
    }

    /// <summary>Reads a file from disk (following symbolic links) without loading more than the size limit.</summary>
    public static Definition? ReadFile(string path, string displayPath, List<Finding> findings)
    {
        var file = DefinitionFile.Open(path);
        if (file.Length > DefinitionLimits.MaxFileBytes)
        {
            findings.Add(TooLarge(displayPath, file.Length));
            return null;
        }

        return Read(displayPath, file.ReadBytes(DefinitionLimits.MaxFileBytes), file.LastModified, findings);
    }

    private static Finding TooLarge(string path, long length) =>
        new(path, SourceMark.FileStart, FindingSeverity.Error, FindingRules.FileTooLarge, string.Create(
            CultureInfo.InvariantCulture,
            $"the file is {length} bytes; definitions are limited to {DefinitionLimits.MaxFileBytes} bytes"));

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
