namespace Ecf.Functions.Api.V3;

/// <summary>The first <c>sort</c> value: its field (e.g. <c>created_at</c>) and direction.</summary>
public readonly record struct V3Sort(string Field, bool Descending)
{
    /// <summary>As the client wrote it: <c>updated_at</c> or <c>-updated_at</c>.</summary>
    public string Text => Descending ? "-" + Field : Field;
}
