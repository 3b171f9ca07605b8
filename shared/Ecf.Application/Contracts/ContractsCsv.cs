using Ecf.Application.Errors;
using Ecf.Application.Gias;

namespace Ecf.Application.Contracts;

/// <summary>One row of an import file, as the input of one version; <see cref="Row"/> counts the header as row 1.</summary>
public sealed record ContractsCsvRow(int Row, EcfContractInput? Ecf, MentorContractInput? Mentor);

public sealed record ContractsCsvFile(IReadOnlyList<ContractsCsvRow> Rows, IReadOnlyList<ApiError> Errors);

/// <summary>
/// Reads ECF's contract import files (its public importer format): the ECF call-off contract file, one contract per row with up to
/// four bands (a band whose three cells are empty is absent), and the mentor contract file. The header must be exactly the format's.
/// </summary>
public static class ContractsCsv
{
    public static IReadOnlyList<string> EcfHeader { get; } =
    [
        "lead-provider-name", "cohort-start-year", "uplift-target", "uplift-amount", "recruitment-target", "revised-target", "set-up-fee", "monthly-service-fee",
        "band-a-min", "band-a-max", "band-a-per-participant", "band-b-min", "band-b-max", "band-b-per-participant",
        "band-c-min", "band-c-max", "band-c-per-participant", "band-d-min", "band-d-max", "band-d-per-participant",
    ];

    public static IReadOnlyList<string> MentorHeader { get; } = ["lead-provider-name", "cohort-start-year", "recruitment-target", "payment-per-participant"];

    public static ContractsCsvFile Read(string kind, Stream csv, ContractField appliesFrom, ContractField reason)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var header = kind == ContractKinds.Mentor ? MentorHeader : EcfHeader;
        using var reader = new CsvRecordReader(csv);
        if (!reader.Read())
        {
            return new([], [ApiError.ContractsFileEmpty()]);
        }

        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.FieldString(i).Trim().TrimStart('\uFEFF')).ToList();
        if (!names.SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
        {
            return new([], [ApiError.ContractsFileHeader(string.Join(',', header))]);
        }

        var columns = header.ToList();
        var rows = new List<ContractsCsvRow>();
        var errors = new List<ApiError>();
        var row = 1;
        while (reader.Read())
        {
            row++;
            var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.FieldString).ToList();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (cells.Count != header.Count)
            {
                errors.Add(ApiError.ContractsFileRowWidth(row, header.Count, cells.Count));
                continue;
            }

            ContractField Cell(string column) => new(column, cells[columns.IndexOf(column)]);
            var head = new ContractHeaderInput(Cell("lead-provider-name"), Cell("cohort-start-year"), appliesFrom, reason);
            rows.Add(kind == ContractKinds.Mentor
                ? new ContractsCsvRow(row, null, new MentorContractInput(head, Cell("recruitment-target"), Cell("payment-per-participant")))
                : new ContractsCsvRow(row, new EcfContractInput(
                    head,
                    Cell("recruitment-target"),
                    Cell("revised-target"),
                    Cell("set-up-fee"),
                    Cell("monthly-service-fee"),
                    Cell("uplift-target"),
                    Cell("uplift-amount"),
                    new ContractField("band-a-min", null),
                    [
                        .. "abcd".Select(letter => new ContractBandInput(
                                Cell($"band-{letter}-min"), Cell($"band-{letter}-max"), Cell($"band-{letter}-per-participant"), new($"band-{letter}-output-percentage", null), new($"band-{letter}-service-percentage", null)))
                            .Where(b => b.Min.Text is not null || b.Max.Text is not null || b.PerParticipant.Text is not null),
                    ]),
                    null));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(ApiError.ContractsFileNoRows());
        }

        return new(rows, errors);
    }
}
