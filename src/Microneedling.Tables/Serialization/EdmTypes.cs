namespace Microneedling.Tables.Serialization;

/// <summary>OData type annotations the Table service needs for values JSON cannot carry unambiguously.</summary>
internal static class EdmTypes
{
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string AnnotationSuffix = "@odata.type";
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
