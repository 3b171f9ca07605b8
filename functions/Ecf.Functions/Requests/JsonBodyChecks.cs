using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Functions.Errors;

namespace Ecf.Functions.Requests;

/// <summary>
/// What every JSON body must be before an endpoint reads it: JSON whose text is valid Unicode (no invalid UTF-8, no unpaired
/// surrogate escape such as <c>\ud800</c>, which no store or serializer can keep), with no key twice in one object (keys are
/// compared ignoring case, as the binder matches them), and present when the endpoint needs one. One pass of
/// <see cref="Utf8JsonReader"/>; nothing is bound.
/// </summary>
public static class JsonBodyChecks
{
    public static ApiError? Check(ReadOnlySpan<byte> body, bool required)
    {
        if (IsBlank(body))
        {
            return required ? ApiError.BodyRequired() : null;
        }

        var reader = new Utf8JsonReader(body);
        var containers = new Stack<Container>();
        try
        {
            while (reader.Read())
            {
                var parent = containers.Count == 0 ? null : containers.Peek();
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!TryReadText(ref reader, out var name))
                        {
                            return ApiError.InvalidJsonText(parent!.Path);
                        }

                        if (!parent!.Keys!.Add(name))
                        {
                            return ApiError.DuplicateJsonKey(name, parent.Path);
                        }

                        parent.Property = name;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers.Push(new Container(parent?.NextChildPath() ?? "$", reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.String:
                        var path = parent?.NextChildPath() ?? "$";
                        if (!TryReadText(ref reader, out _))
                        {
                            return ApiError.InvalidJsonText(path);
                        }

                        break;
                    case JsonTokenType.Null when parent is null && required:
                        return ApiError.BodyRequired();
                    default:
                        parent?.NextChildPath();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return ApiError.MalformedJson(UnhandledExceptionMiddleware.DescribeJson(ex));
        }

        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.TrimStart(" \t\r\n"u8).IsEmpty;

    /// <summary>Unescapes the current string; fails when the result would not be valid UTF-16 or the bytes are not UTF-8.</summary>
    private static bool TryReadText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>An open object (with its keys so far) or array, and where it is in the body, for messages.</summary>
    private sealed class Container(string path, bool isObject)
    {
        private int _index;

        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = isObject ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;

        public string? Property { get; set; }

        /// <summary>The path of the value that starts now: the last key of an object, the next index of an array.</summary>
        public string NextChildPath() => Keys is null ? $"{Path}[{_index++}]" : $"{Path}.{Property}";
    }
}
