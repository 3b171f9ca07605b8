using System.Diagnostics;
using System.Text.Json;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.TestKit;

namespace Ecf.Functions.Tests.FunctionsApp;

/// <summary>
/// <c>dotnet publish functions/Ecf.Functions</c> into a temporary folder, once per test run (a collection fixture), and the
/// functions.metadata the Functions SDK generated there.
/// </summary>
public sealed class PublishedFunctionsApp : IDisposable
{
    public PublishedFunctionsApp()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ecf-publish-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        foreach (var argument in (string[])["publish", Path.Combine(TestPaths.RepositoryRoot, "functions", "Ecf.Functions"), "-c", "Release", "-o", Directory, "-nologo"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish did not finish within 10 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }

        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "functions.metadata")));
        Functions = [.. metadata.RootElement.EnumerateArray().Select(PublishedFunction.From)];
    }

    public string Directory { get; }

    public IReadOnlyList<PublishedFunction> Functions { get; }

    public void Dispose() => EcfAppFactory.DeleteDirectory(Directory);
}

/// <summary>One function of functions.metadata: its name and bindings (type, and the trigger's properties).</summary>
public sealed record PublishedFunction(string Name, string EntryPoint, IReadOnlyList<JsonElement> Bindings)
{
    public JsonElement Trigger => Bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    public string TriggerType => Trigger.GetProperty("type").GetString()!;

    public static PublishedFunction From(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        function.GetProperty("entryPoint").GetString()!,
        [.. function.GetProperty("bindings").EnumerateArray().Select(b => b.Clone())]);
}

[CollectionDefinition(Name)]
public sealed class PublishedFunctionsAppGroup : ICollectionFixture<PublishedFunctionsApp>
{
    public const string Name = "Published functions app";
}
