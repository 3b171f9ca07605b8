namespace Ecf.Functions.Functions;

/// <summary>
/// One Azure Functions function of the custom handler: an HTTP function (methods in lower case, route without <c>api/</c>) or,
/// with a <see cref="Schedule"/>, a timer function (no methods, the route is the handler path <c>/&lt;name&gt;</c> the host posts to).
/// </summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<string> Methods, string Route, string? Schedule = null);
