namespace Ecf.Functions.Functions;

/// <summary>One Azure Functions HTTP function of the custom handler: its name, methods (lower case) and route (no <c>api/</c> prefix).</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<string> Methods, string Route);
