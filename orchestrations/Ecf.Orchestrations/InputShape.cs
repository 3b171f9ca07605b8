using System.Text.Json;
using Ecf.Application.Errors;

namespace Ecf.Orchestrations;

/// <summary>
/// The input an orchestration takes when it is started from outside (by hand over HTTP, or by a timer function): nothing, or a
/// JSON object of these fields, each optional, names matched without regard to case (as the runtime reads them). Checked before
/// anything starts, so a bad input is refused naming the field instead of failing the run; fields the run keeps for itself
/// (state carried across generations) are not in the shape, so they cannot be set from outside.
/// </summary>
public sealed class InputShape(params InputField[] fields)
{
    public IReadOnlyList<InputField> Fields { get; } = fields;

    /// <summary>Null when <paramref name="input"/> fits; otherwise the error naming the field (ecf.1410–1412).</summary>
    public ApiError? Check(string orchestration, JsonElement? input)
    {
        if (input is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return ApiError.OrchestrationInputNotAnObject(orchestration);
        }

        foreach (var property in value.EnumerateObject())
        {
            var field = Fields.FirstOrDefault(f => string.Equals(f.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                return ApiError.OrchestrationInputFieldUnknown(orchestration, property.Name, Fields.Select(f => f.Name));
            }

            if (!field.Accepts(property.Value))
            {
                return ApiError.OrchestrationInputFieldInvalid(orchestration, field.Name, field.Expected);
            }
        }

        return null;
    }
}

/// <summary>One field of an <see cref="InputShape"/>: its name, what it takes in words, and the check.</summary>
public sealed record InputField(string Name, string Expected, Func<JsonElement, bool> Accepts)
{
    /// <summary>A string of at most <paramref name="maxLength"/> characters, or null.</summary>
    public static InputField Text(string name, int maxLength) =>
        new(name, $"a string of at most {maxLength} characters", v => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && v.GetString()!.Length <= maxLength));

    public static InputField Flag(string name) =>
        new(name, "true or false", v => v.ValueKind is JsonValueKind.True or JsonValueKind.False);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null too when <paramref name="orNull"/>.</summary>
    public static InputField WholeNumber(string name, int min, int max, bool orNull = false) =>
        new(name, $"a whole number from {min} to {max}", v => (orNull && v.ValueKind == JsonValueKind.Null)
            || (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max));
}
