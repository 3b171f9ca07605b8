using System.Globalization;
using System.Security.Cryptography;
using Ecf.Application.Errors;
using Ecf.Storage.Files;
using Microsoft.Extensions.Options;

namespace Ecf.Application.Gias;

/// <param name="Extract">A local path or http(s) URL of the edubasealldata CSV; null: the configured default.</param>
/// <param name="Links">A local path or http(s) URL of the links CSV; null: the configured default.</param>
/// <param name="RunDate">The run's date: the raw files are kept in the file store under it.</param>
public sealed record PrepareGiasImportCommand(string? Extract, string? Links, DateOnly RunDate);

/// <summary>
/// First step of an import: copies the raw files into the file store (<c>gias/yyyy-MM-dd/edubasealldata-&lt;sha&gt;.csv</c>, named by
/// date and content, so a re-run of the same files finds them), checks the headers (missing columns fail the run before any write,
/// naming them; a UTF-8 file is refused) and cuts the extract into batches at record boundaries. While cutting it reads each row's
/// URN: a URN seen again later in the file is listed on the later row's batch (<see cref="GiasBatchRange.Duplicates"/>).
/// </summary>
public sealed class PrepareGiasImportHandler(GiasSource source, IFileStore files, IOptions<GiasImportOptions> options)
{
    public async Task<Result<GiasImportPlan>> HandleAsync(PrepareGiasImportCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.Value;
        var date = command.RunDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var extract = await KeepAsync(command.Extract ?? settings.Extract, $"gias/{date}/edubasealldata", settings.BasePath, cancellationToken).ConfigureAwait(false);
        if (!extract.IsSuccess)
        {
            return Result<GiasImportPlan>.Failure(extract.Errors);
        }

        var links = await KeepAsync(command.Links ?? settings.Links, $"gias/{date}/links", settings.BasePath, cancellationToken).ConfigureAwait(false);
        if (!links.IsSuccess)
        {
            return Result<GiasImportPlan>.Failure(links.Errors);
        }

        await using (var linksStream = (await files.OpenReadAsync(links.Value, cancellationToken).ConfigureAwait(false))!)
        {
            var missingLinks = GiasLinksReader.MissingColumns(linksStream);
            if (missingLinks.Count > 0)
            {
                return ApiError.GiasLinksColumnsMissing(missingLinks);
            }
        }

        await using var stream = (await files.OpenReadAsync(extract.Value, cancellationToken).ConfigureAwait(false))!;
        using var reader = GiasExtractReader.Open(stream);
        if (reader is null)
        {
            return ApiError.GiasExtractEmpty();
        }

        if (reader.Header.StartsWithUtf8Bom)
        {
            return ApiError.GiasExtractHasByteOrderMark();
        }

        var missing = reader.Header.Missing(GiasColumns.Required);
        if (missing.Count > 0)
        {
            return ApiError.GiasExtractColumnsMissing(missing);
        }

        // Each URN's first row, so a URN seen again anywhere in the file (another batch, another generation) is rejected there.
        var batches = new List<GiasBatchRange>();
        var firstRows = new Dictionary<int, int>();
        var duplicates = new List<GiasDuplicateUrn>();
        var rows = 0;
        long batchOffset = 0;
        var batchFirstRow = 0;
        while (reader.SkipRow(out var urn))
        {
            if (rows % settings.BatchSize == 0)
            {
                if (rows > 0)
                {
                    batches.Add(new GiasBatchRange(batchOffset, batchFirstRow, settings.BatchSize) { Duplicates = duplicates });
                    duplicates = [];
                }

                batchOffset = reader.RowOffset;
                batchFirstRow = reader.LastRowNumber;
            }

            if (urn is { } u && !firstRows.TryAdd(u, reader.LastRowNumber))
            {
                duplicates.Add(new GiasDuplicateUrn(reader.LastRowNumber, u, firstRows[u]));
            }

            rows++;
        }

        if (rows > 0)
        {
            batches.Add(new GiasBatchRange(batchOffset, batchFirstRow, rows - (batches.Count * settings.BatchSize)) { Duplicates = duplicates });
        }

        return new GiasImportPlan(extract.Value, links.Value, rows, batches, settings.BatchesPerGeneration);
    }

    private async Task<Result<string>> KeepAsync(string location, string namePrefix, string? basePath, CancellationToken cancellationToken)
    {
        await using var input = await source.OpenAsync(location, basePath, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            return ApiError.GiasFileUnreadable(location);
        }

        // Copy to a temporary file while hashing, then save under a name that includes the hash.
        var temp = Path.Combine(Path.GetTempPath(), "ecf-gias-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        try
        {
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
                var name = $"{namePrefix}-{hash}.csv";
                if (!await files.ExistsAsync(name, cancellationToken).ConfigureAwait(false))
                {
                    file.Position = 0;
                    await files.SaveAsync(name, file, cancellationToken).ConfigureAwait(false);
                }

                return name;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
