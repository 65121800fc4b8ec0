namespace CimdHost.Definitions;

/// <summary>The type a scalar resolves to under the YAML 1.2 core schema.</summary>
internal enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}
