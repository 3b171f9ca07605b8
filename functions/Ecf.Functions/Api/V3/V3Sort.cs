namespace Ecf.Functions.Api.V3;

/// <summary>The first recognised <c>sort</c> field: its name (e.g. <c>created_at</c>) and direction.</summary>
public readonly record struct V3Sort(string Field, bool Descending);
