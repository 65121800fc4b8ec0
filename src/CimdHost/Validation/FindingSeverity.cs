namespace CimdHost.Validation;

internal enum FindingSeverity
{
    /// <summary>Reported; the definition is served anyway (it fails only under <c>validate --strict</c>).</summary>
    Warning,

    /// <summary>The definition is not served.</summary>
    Error,
}
