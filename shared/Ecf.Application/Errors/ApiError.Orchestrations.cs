namespace Ecf.Application.Errors;

/// <summary>
/// Starting and managing orchestrations by hand: ecf.141N for an input the orchestration does not take (nothing is started),
/// ecf.44NN for an instance in a state that refuses the request (nothing is changed).
/// </summary>
public sealed partial record ApiError
{
    public static ApiError OrchestrationInputNotAnObject(string orchestration) =>
        new("ecf.1410", "Bad orchestration input", $"The input of {orchestration} must be a JSON object (or no body at all).", ApiErrorKind.BadRequest);

    public static ApiError OrchestrationInputFieldUnknown(string orchestration, string field, IEnumerable<string> fields) =>
        new("ecf.1411", "Bad orchestration input", $"{orchestration} takes no field '{field}'. Its fields: {string.Join(", ", fields)}.", ApiErrorKind.BadRequest);

    /// <summary><paramref name="expected"/> says what the field takes, such as "a whole number from 1 to 1000".</summary>
    public static ApiError OrchestrationInputFieldInvalid(string orchestration, string field, string expected) =>
        new("ecf.1412", "Bad orchestration input", $"The field '{field}' of {orchestration}'s input must be {expected}.", ApiErrorKind.BadRequest);

    public static ApiError InstanceOfAnotherOrchestration(string instanceId, string orchestration) =>
        new("ecf.4401", "Conflict", $"The instance id '{instanceId}' belongs to an instance of {orchestration}; choose another id.", ApiErrorKind.Conflict);

    public static ApiError InstanceStillRunning(string instanceId) =>
        new("ecf.4402", "Conflict", $"An instance with id '{instanceId}' is already pending or running; wait for it to finish or terminate it, or choose another id.", ApiErrorKind.Conflict);

    public static ApiError InstanceAlreadyFinished(string instanceId, string runtimeStatus) =>
        new("ecf.4403", "Conflict", $"The instance '{instanceId}' has already finished ({runtimeStatus}); there is nothing to terminate.", ApiErrorKind.Conflict);

    public static ApiError InstanceNotFinished(string instanceId, string runtimeStatus) =>
        new("ecf.4404", "Conflict", $"The instance '{instanceId}' is still {runtimeStatus}; only a finished instance can be purged (terminate it first).", ApiErrorKind.Conflict);
}
