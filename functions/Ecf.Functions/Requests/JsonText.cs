using System.Text.Json;

namespace Ecf.Functions.Requests;

/// <summary>
/// An attribute read as any JSON value, as text: a string as itself, null or absent as null, anything else as its JSON (so a
/// number or a boolean where text belongs reaches the rules and gets the attribute's own message, not a binding error).
/// </summary>
public static class JsonText
{
    public static string? Of(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Null } or null => null,
        { } other => other.GetRawText(),
    };
}
