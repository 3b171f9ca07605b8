using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.ReferenceData;
using Ecf.Storage;

namespace Ecf.Application.Contracts;

/// <summary>What is in force for one statement month: the newest version of each contract that applies from that month or before.</summary>
public sealed record ContractsInForce(EcfContractVersion? Ecf, MentorContractVersion? Mentor, IReadOnlyList<NpqContractVersion> Npq);

/// <summary>
/// Creates and reads contract versions (docs/domain.md#contracts, ADR 0015). A version is checked field by field, refused when it
/// would apply to a statement that is payable or paid, then created (never replaced) together with its timeline event in one
/// transactional batch of the provider's partition. Its number is one more than the contract's newest; two creations racing for
/// the same number conflict and the loser takes the next.
/// </summary>
public sealed class ContractVersions(IDocumentStore store, IReferenceData referenceData, StatementDocuments statements, TimeProvider clock)
{
    private const int Attempts = 10;

    private IDocumentContainer Finance => store.GetContainer(EcfContainers.Finance);

    public async Task<Result<ContractVersionDocument>> CreateEcfAsync(EcfContractInput input, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (version, errors) = ContractRules.Ecf(input, await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false));
        return await CreateAsync(version, errors, input.Header.AppliesFrom.Name, createdBy, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ContractVersionDocument>> CreateMentorAsync(MentorContractInput input, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (version, errors) = ContractRules.Mentor(input, await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false));
        return await CreateAsync(version, errors, input.Header.AppliesFrom.Name, createdBy, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ContractVersionDocument>> CreateNpqAsync(NpqContractInput input, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (version, errors) = ContractRules.Npq(input, await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false));
        return await CreateAsync(version, errors, input.Header.AppliesFrom.Name, createdBy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One new version per row of an import file, all or nothing: every row is checked first (each problem with its row and column)
    /// and nothing is written unless all pass.
    /// </summary>
    public async Task<Result<IReadOnlyList<ContractVersionDocument>>> ImportAsync(string kind, Stream csv, ContractField appliesFrom, ContractField reason, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appliesFrom);
        if (ContractRules.Reason(reason) is { } reasonError)
        {
            return reasonError;
        }

        var file = ContractsCsv.Read(kind, csv, appliesFrom, reason);
        if (file.Errors.Count > 0)
        {
            return Result<IReadOnlyList<ContractVersionDocument>>.Failure(file.Errors);
        }

        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<ApiError>();
        var drafts = new List<(int Row, ContractVersionDocument Version)>();
        foreach (var row in file.Rows)
        {
            var (version, rowErrors) = row.Ecf is { } ecf
                ? Checked(ContractRules.Ecf(ecf, reference))
                : Checked(ContractRules.Mentor(row.Mentor!, reference));
            errors.AddRange(rowErrors.Select(e => e.AtRow(row.Row)));
            if (version is null)
            {
                continue;
            }

            if (drafts.FirstOrDefault(d => d.Version.LeadProviderId == version.LeadProviderId && d.Version.ContractYear == version.ContractYear) is { Version: not null } first)
            {
                errors.Add(ApiError.ContractsFileDuplicate(row.Row, first.Row));
                continue;
            }

            if (await ClosedStatementAsync(version, appliesFrom.Name, cancellationToken).ConfigureAwait(false) is { } closed)
            {
                errors.Add(closed.AtRow(row.Row));
            }

            drafts.Add((row.Row, version));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<ContractVersionDocument>>.Failure(errors);
        }

        var written = new List<ContractVersionDocument>();
        foreach (var (_, draft) in drafts)
        {
            written.Add(await WriteAsync(draft, createdBy, cancellationToken).ConfigureAwait(false));
        }

        return written;
    }

    /// <summary>The versions of a provider's contracts, newest first; optionally of one contract year and one kind.</summary>
    public async Task<IReadOnlyList<ContractVersionDocument>> ListAsync(Guid leadProviderId, int? contractYear, string? kind, CancellationToken cancellationToken = default)
    {
        var versions = new List<ContractVersionDocument>();
        foreach (var k in kind is null ? ContractKinds.All : [kind])
        {
            versions.AddRange(await ReadVersionsAsync(leadProviderId, k, contractYear, cancellationToken).ConfigureAwait(false));
        }

        return [.. versions.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Version).ThenBy(v => v.Id, StringComparer.Ordinal)];
    }

    /// <summary>The versions in force for the statement month <paramref name="month"/> (<c>yyyy-MM</c>) of a contract year.</summary>
    public async Task<ContractsInForce> InForceAsync(Guid leadProviderId, int contractYear, string month, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(leadProviderId, contractYear, null, cancellationToken).ConfigureAwait(false);
        var applying = all.Where(v => string.CompareOrdinal(v.AppliesFrom, month) <= 0).ToList();
        return new ContractsInForce(
            applying.OfType<EcfContractVersion>().MaxBy(v => v.Version),
            applying.OfType<MentorContractVersion>().MaxBy(v => v.Version),
            [.. applying.OfType<NpqContractVersion>().GroupBy(v => v.CourseIdentifier, StringComparer.Ordinal).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.CourseIdentifier, StringComparer.Ordinal)]);
    }

    /// <summary>The provider's contract timeline, oldest first; optionally of one contract year.</summary>
    public async Task<IReadOnlyList<ContractEventDocument>> TimelineAsync(Guid leadProviderId, int? contractYear, CancellationToken cancellationToken = default)
    {
        var events = await QueryAsync<ContractEventDocument>(leadProviderId, ContractEventDocument.DocumentKind, cancellationToken).ConfigureAwait(false);
        return [.. events.Where(e => contractYear is null || e.ContractYear == contractYear).OrderBy(e => e.CreatedAt).ThenBy(e => e.Version).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>Creates <paramref name="draft"/> as the contract's next version (the seed uses this without the statement check).</summary>
    internal async Task<ContractVersionDocument> WriteAsync(ContractVersionDocument draft, string createdBy, CancellationToken cancellationToken)
    {
        var partition = draft.LeadProviderId;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ReadVersionsAsync(Guid.Parse(partition), draft.ContractKind, draft.ContractYear, cancellationToken).ConfigureAwait(false);
            var number = existing.Where(v => Course(v) == Course(draft)).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
            var at = clock.GetUtcNow();
            var id = string.Join(':', new[] { "contract", draft.ContractKind, partition, draft.ContractYear.ToString(CultureInfo.InvariantCulture), Course(draft), number.ToString(CultureInfo.InvariantCulture) }.Where(p => p is not null));
            var version = draft with { Id = id, Version = number, CreatedBy = createdBy, CreatedAt = at };
            var created = new ContractEventDocument
            {
                Id = "contract-event:" + id[("contract:".Length)..],
                LeadProviderId = partition,
                Type = ContractEventDocument.VersionCreated,
                ContractKind = version.ContractKind,
                ContractYear = version.ContractYear,
                CourseIdentifier = Course(version),
                VersionId = id,
                Version = number,
                AppliesFrom = version.AppliesFrom,
                CreatedBy = createdBy,
                CreatedAt = at,
                Reason = version.Reason,
            };
            try
            {
                await Finance.ExecuteBatchAsync(
                    partition,
                    [DocumentOperation.Create(partition, id, Serialize(version)), DocumentOperation.Create(partition, created.Id, DocumentJson.Serialize(created))],
                    cancellationToken).ConfigureAwait(false);
                return version;
            }
            catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict && attempt < Attempts)
            {
                // Another version of the same contract took this number meanwhile: take the next.
            }
        }
    }

    internal async Task<bool> AnyAsync(Guid leadProviderId, string kind, int contractYear, CancellationToken cancellationToken) =>
        (await ReadVersionsAsync(leadProviderId, kind, contractYear, cancellationToken).ConfigureAwait(false)).Count > 0;

    private static (ContractVersionDocument? Version, IReadOnlyList<ApiError> Errors) Checked<T>((T? Version, IReadOnlyList<ApiError> Errors) checkedVersion)
        where T : ContractVersionDocument => (checkedVersion.Version, checkedVersion.Errors);

    private static string? Course(ContractVersionDocument version) => (version as NpqContractVersion)?.CourseIdentifier;

    private static byte[] Serialize(ContractVersionDocument version) => version switch
    {
        EcfContractVersion ecf => DocumentJson.Serialize(ecf),
        MentorContractVersion mentor => DocumentJson.Serialize(mentor),
        NpqContractVersion npq => DocumentJson.Serialize(npq),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version.GetType().Name, "Not a contract version."),
    };

    private async Task<Result<ContractVersionDocument>> CreateAsync(ContractVersionDocument? draft, IReadOnlyList<ApiError> errors, string appliesFromField, string createdBy, CancellationToken cancellationToken)
    {
        if (draft is null)
        {
            return Result<ContractVersionDocument>.Failure(errors);
        }

        if (await ClosedStatementAsync(draft, appliesFromField, cancellationToken).ConfigureAwait(false) is { } closed)
        {
            return closed;
        }

        return await WriteAsync(draft, createdBy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first statement of the version's provider and year, from its month on, that is payable or paid; else null.</summary>
    private async Task<ApiError?> ClosedStatementAsync(ContractVersionDocument version, string appliesFromField, CancellationToken cancellationToken)
    {
        var all = await statements.ListAsync(Guid.Parse(version.LeadProviderId), cancellationToken).ConfigureAwait(false);
        var closed = all.FirstOrDefault(s =>
            s.ContractYear == version.ContractYear
            && string.CompareOrdinal(ContractRules.Month(s.Year, s.Month), version.AppliesFrom) >= 0
            && s.State is DeclarationState.StatementPayable or DeclarationState.StatementPaid);
        return closed is null ? null : ApiError.ContractChangesClosedStatement(appliesFromField, closed.Name, closed.Id, closed.State);
    }

    private async Task<IReadOnlyList<ContractVersionDocument>> ReadVersionsAsync(Guid leadProviderId, string kind, int? contractYear, CancellationToken cancellationToken)
    {
        IReadOnlyList<ContractVersionDocument> versions = kind switch
        {
            ContractKinds.Ecf => await QueryAsync<EcfContractVersion>(leadProviderId, ContractKinds.DocumentKind(kind), cancellationToken).ConfigureAwait(false),
            ContractKinds.Mentor => await QueryAsync<MentorContractVersion>(leadProviderId, ContractKinds.DocumentKind(kind), cancellationToken).ConfigureAwait(false),
            _ => await QueryAsync<NpqContractVersion>(leadProviderId, ContractKinds.DocumentKind(ContractKinds.Npq), cancellationToken).ConfigureAwait(false),
        };
        return [.. versions.Where(v => contractYear is null || v.ContractYear == contractYear)];
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(Guid leadProviderId, string documentKind, CancellationToken cancellationToken)
    {
        var documents = new List<T>();
        var query = DocumentQuery.All(1000).WhereEquals("kind", documentKind);
        string? continuation = null;
        do
        {
            var page = await Finance.QueryAsync(leadProviderId.ToString("D"), query.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            documents.AddRange(page.Documents.Select(d => d.As<T>()));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return documents;
    }
}

/// <summary>Resolves the lead provider a finance request names, by id or by name.</summary>
public static class ContractLeadProviders
{
    public static LeadProvider? Find(ReferenceDataSnapshot reference, string? value)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return string.IsNullOrWhiteSpace(value) ? null
            : Guid.TryParse(value, out var id) ? reference.GetLeadProvider(id)
            : reference.FindLeadProviderByName(value);
    }
}
