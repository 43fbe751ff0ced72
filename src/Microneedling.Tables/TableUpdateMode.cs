namespace Microneedling.Tables;

/// <summary>How an update treats properties the sent entity lacks: Merge keeps them, Replace removes them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
