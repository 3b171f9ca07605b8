using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.Text;
using Ecf.Storage;

namespace Ecf.Application.Tokens;

/// <param name="Role">One of <see cref="ApiRoles.All"/>.</param>
/// <param name="LeadProvider">The lead provider's name; required for <see cref="ApiRoles.LeadProvider"/>, refused for other roles.</param>
/// <param name="Description">Free text for operators, e.g. who holds the token (the free text rules of <see cref="TextRules"/>).</param>
public sealed record CreateApiTokenCommand(string Role, string? LeadProvider, string? Description);

/// <param name="Token">The token itself. It is shown once and never stored.</param>
public sealed record CreatedApiToken(string Token, ApiTokenSummary Summary);

/// <summary>Creates a token: a new random secret whose digest only is stored.</summary>
public sealed class CreateApiTokenHandler(IDocumentStore store, IReferenceData referenceData, ApiTokenDigester digester, TimeProvider timeProvider)
{
    public async Task<Result<CreatedApiToken>> HandleAsync(CreateApiTokenCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!ApiRoles.IsKnown(command.Role))
        {
            return ApiError.UnknownRole(command.Role, ApiRoles.All);
        }

        var description = TextRules.Check(command.Description, TextKind.FreeText);
        if (description.Problem is TextProblem.TooLong or TextProblem.DisallowedCharacter)
        {
            return ApiError.TokenDescription(description.Problem.Value);
        }

        var providerName = string.IsNullOrWhiteSpace(command.LeadProvider) ? null : command.LeadProvider.Trim();
        Domain.ReferenceData.LeadProvider? provider = null;
        if (command.Role == ApiRoles.LeadProvider)
        {
            if (providerName is null)
            {
                return ApiError.LeadProviderRequired();
            }

            provider = await referenceData.FindLeadProviderByNameAsync(providerName, cancellationToken).ConfigureAwait(false);
            if (provider is null)
            {
                return ApiError.UnknownLeadProvider(providerName);
            }
        }
        else if (providerName is not null)
        {
            return ApiError.LeadProviderNotAllowed(command.Role);
        }

        var token = ApiTokenDigester.NewToken();
        var digest = ApiTokenDigester.ToHex(digester.Digest(token));
        var document = new ApiTokenDocument
        {
            Id = ApiTokenDocument.IdFor(digest),
            TokenId = Guid.NewGuid().ToString(),
            Digest = digest,
            Role = command.Role,
            LeadProviderId = provider?.Id,
            LeadProviderName = provider?.Name,
            Description = description.Value,
            CreatedAt = timeProvider.GetUtcNow(),
        };

        await store.GetContainer(EcfContainers.Reference)
            .CreateAsync(ApiTokenDocument.PartitionKind, document.Id, document, cancellationToken)
            .ConfigureAwait(false);
        return new CreatedApiToken(token, document.ToSummary());
    }
}
