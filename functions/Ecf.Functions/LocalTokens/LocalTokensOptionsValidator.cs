using Microsoft.Extensions.Options;

namespace Ecf.Functions.LocalTokens;

/// <summary>Local tokens print working credentials; they must never be enabled in Production.</summary>
public sealed class LocalTokensOptionsValidator(IHostEnvironment environment) : IValidateOptions<LocalTokensOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalTokensOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled && environment.IsProduction())
        {
            return ValidateOptionsResult.Fail("LocalTokens:Enabled must be false in Production (it prints working API tokens).");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.File))
        {
            return ValidateOptionsResult.Fail("LocalTokens:File must name the file local tokens are written to.");
        }

        return ValidateOptionsResult.Success;
    }
}
