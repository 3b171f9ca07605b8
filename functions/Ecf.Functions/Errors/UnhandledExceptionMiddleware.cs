using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Functions.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ecf.Functions.Errors;

/// <summary>
/// Turns a request that could not be read (bad JSON, body too large: <see cref="BadHttpRequestException"/>) into the
/// mapped 400/413, and anything unexpected into a logged 500 whose body holds only a generic message and the
/// correlation id. Nothing of an exception reaches the caller.
/// </summary>
public sealed partial class UnhandledExceptionMiddleware(RequestDelegate next, ILogger<UnhandledExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Bad request: {Reason}", ex.Message);
            context.Response.Clear();
            await ApiErrorResults.WriteAsync(context, Describe(ex));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("The client went away before the response was written.");
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var correlationId = CorrelationIdMiddleware.Get(context);
            logger.LogError(ex, "Unhandled exception in {Method} {Path}; correlation id {CorrelationId}", context.Request.Method, context.Request.Path, correlationId);
            context.Response.Clear();
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = "The error has been logged. Quote the correlation id if you report it.",
            };
            problem.Extensions["correlationId"] = correlationId;
            await Results.Problem(problem).ExecuteAsync(context);
        }
    }

    /// <summary>
    /// What the caller may learn about a request that could not be read: the parameter that did not bind is named (read from the
    /// framework's message), and the framework's own words never reach the caller.
    /// </summary>
    public static ApiError Describe(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parameter = BindingFailure().Match(exception.Message);
        return exception switch
        {
            { InnerException: JsonException json } => ApiError.MalformedJson(DescribeJson(json)),
            { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiError.PayloadTooLarge(ApiLimits.MaxRequestBodyBytes),
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ApiError.UnsupportedMediaType(ErrorStatusPages.JsonRequired),
            _ when parameter.Groups["body"].Success => ApiError.BodyRequired(),
            _ when parameter.Groups["value"].Success => ApiError.ParameterUnreadable(parameter.Groups["name"].Value, Echo(parameter.Groups["value"].Value)),
            _ when parameter.Success => ApiError.ParameterMissing(parameter.Groups["name"].Value),
            _ => ApiError.RequestUnreadable(),
        };
    }

    private static string Echo(string value) => value.Length > 64 ? value[..64] + "…" : value;

    /// <summary>
    /// The minimal API binder's messages: <c>Failed to bind parameter "T name" from "value".</c>, <c>Required parameter "T name"
    /// was not provided from ...</c>, and <c>Implicit body inferred for parameter "name" but no body was provided...</c>.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex("""^(?:Failed to bind parameter "(?:[^"]* )?(?<name>[^" ]+)" from "(?<value>.*)"\.$|Required parameter "(?:[^"]* )?(?<name>[^" ]+)" was not provided|(?<body>Implicit body inferred for parameter ))""", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();

    /// <summary>"The request body is not valid JSON: ... (line 1, position 9)". Line and position count from 1.</summary>
    public static string DescribeJson(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var reason = cut >= 0 ? message[..cut] : message;
        if (reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            // The framework names .NET types here; the caller only needs to know the value has the wrong type.
            reason = "a value has the wrong type.";
        }

        var location = exception.LineNumber is { } line
            ? $" (line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "" : $", at {exception.Path}")})"
            : "";
        return $"The request body is not valid JSON: {reason.TrimEnd('.')}{location}.";
    }
}
