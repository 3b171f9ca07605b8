using Ecf.Domain.ReferenceData;

namespace Ecf.Application.ReferenceData;

/// <summary>
/// Parses the seed CSV files into domain types and checks them against each other. Any problem throws
/// <see cref="ReferenceSeedFormatException"/> naming the file and line.
/// </summary>
public static class ReferenceSeedParser
{
    public const string ContractPeriodsFile = "contract_periods.csv";
    public const string EcfSchedulesFile = "ecf_schedules.csv";
    public const string NpqSchedulesFile = "npq_schedules.csv";
    public const string StatementCalendarFile = "statement_calendar.csv";
    public const string LeadProvidersFile = "lead_providers.csv";
    public const string DeliveryPartnersFile = "delivery_partners.csv";
    public const string RelationshipsFile = "delivery_partner_relationships.csv";

    public static IReadOnlyList<string> Files { get; } =
        [ContractPeriodsFile, EcfSchedulesFile, NpqSchedulesFile, StatementCalendarFile, LeadProvidersFile, DeliveryPartnersFile, RelationshipsFile];

    /// <summary>Reads the seed files compiled into Ecf.Application (logical names <c>Seed/&lt;file&gt;</c>).</summary>
    public static ReferenceSeed LoadEmbedded()
    {
        var assembly = typeof(ReferenceSeedParser).Assembly;
        return Parse(file =>
        {
            var stream = assembly.GetManifestResourceStream($"Seed/{file}")
                ?? throw new ReferenceSeedFormatException(file, 0, "the seed file is not embedded in Ecf.Application.");
            return new StreamReader(stream);
        });
    }

    /// <summary>Parses all seed files, opened by name through <paramref name="open"/>, and checks cross-references.</summary>
    public static ReferenceSeed Parse(Func<string, TextReader> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        T Read<T>(string file, Func<TextReader, T> parse)
        {
            using var reader = open(file);
            return parse(reader);
        }

        var contractPeriods = Read(ContractPeriodsFile, ParseContractPeriods);
        var years = contractPeriods.Select(p => p.Year).ToHashSet();
        var schedules = Read(EcfSchedulesFile, r => ParseEcfSchedules(r, years));
        var npqSchedules = Read(NpqSchedulesFile, r => ParseNpqSchedules(r, years));
        var calendar = Read(StatementCalendarFile, r => ParseStatementCalendar(r, years));
        var leadProviders = Read(LeadProvidersFile, r => ParseLeadProviders(r, years));
        var deliveryPartners = Read(DeliveryPartnersFile, ParseDeliveryPartners);
        var relationships = Read(RelationshipsFile, r => ParseRelationships(r, leadProviders, deliveryPartners));
        return new ReferenceSeed(contractPeriods, schedules, npqSchedules, calendar, leadProviders, deliveryPartners, relationships);
    }

    public static IReadOnlyList<ContractPeriod> ParseContractPeriods(TextReader reader)
    {
        var csv = SeedCsv.Read(reader, ContractPeriodsFile,
        [
            "year", "started_on", "finished_on", "enabled", "registration_start_date", "academic_year_start_date",
            "automatic_assignment_period_end_date", "payments_frozen_at", "mentor_funding", "detailed_evidence_types", "uplift_fees_enabled",
        ]);
        var result = new List<ContractPeriod>();
        foreach (var row in csv.Rows)
        {
            var period = new ContractPeriod(
                row.Int("year"),
                row.Date("started_on"),
                row.Date("finished_on"),
                row.Bool("enabled"),
                row.Date("registration_start_date"),
                row.Date("academic_year_start_date"),
                row.Date("automatic_assignment_period_end_date"),
                row.OptionalTimestamp("payments_frozen_at"),
                row.Bool("mentor_funding"),
                row.Bool("detailed_evidence_types"),
                row.Bool("uplift_fees_enabled"));
            if (period.FinishedOn < period.StartedOn)
            {
                throw row.Error("finished_on is before started_on.");
            }

            if (result.Any(p => p.Year == period.Year))
            {
                throw row.Error($"contract year {period.Year} appears twice.");
            }

            result.Add(period);
        }

        return result;
    }

    /// <summary>One row per milestone; the rows of a schedule must be consecutive and in the order of its declaration types.</summary>
    public static IReadOnlyList<Schedule> ParseEcfSchedules(TextReader reader, IReadOnlySet<int>? contractYears = null)
    {
        var csv = SeedCsv.Read(reader, EcfSchedulesFile, ["contract_year", "schedule_identifier", "declaration_type", "start_date", "milestone_date", "payment_date"]);
        var result = new List<Schedule>();
        var seen = new HashSet<(int, string)>();
        var milestones = new List<Milestone>();
        (int Year, string Identifier, ScheduleIdentifier Parsed, SeedCsvRow FirstRow)? current = null;

        void Close()
        {
            if (current is not { } c)
            {
                return;
            }

            var expected = c.Parsed.DeclarationTypes;
            if (!milestones.Select(m => m.DeclarationType).SequenceEqual(expected, StringComparer.Ordinal))
            {
                throw c.FirstRow.Error($"schedule {c.Year} {c.Identifier} must have milestones {string.Join(", ", expected)} in that order.");
            }

            result.Add(new Schedule(c.Year, c.Identifier, [.. milestones]));
            milestones.Clear();
        }

        foreach (var row in csv.Rows)
        {
            var year = row.Int("contract_year");
            var identifier = row.Text("schedule_identifier");
            if (current is not { } c || c.Year != year || c.Identifier != identifier)
            {
                Close();
                if (!ScheduleIdentifier.TryParse(identifier, out var parsed))
                {
                    throw row.Error($"schedule_identifier '{identifier}' is not an ECF schedule identifier.");
                }

                CheckYear(row, year, contractYears);
                if (!seen.Add((year, identifier)))
                {
                    throw row.Error($"the rows of schedule {year} {identifier} are not consecutive.");
                }

                current = (year, identifier, parsed, row);
            }

            var milestone = new Milestone(row.Text("declaration_type"), row.Date("start_date"), row.OptionalDate("milestone_date"), row.OptionalDate("payment_date"));
            if (milestone.MilestoneDate is { } cutOff && cutOff < milestone.StartDate)
            {
                throw row.Error("milestone_date is before start_date.");
            }

            milestones.Add(milestone);
        }

        Close();
        return result;
    }

    public static IReadOnlyList<NpqSchedule> ParseNpqSchedules(TextReader reader, IReadOnlySet<int>? contractYears = null)
    {
        var csv = SeedCsv.Read(reader, NpqSchedulesFile, ["cohort", "schedule_identifier", "name", "course_group", "applies_from", "applies_to", "declaration_types"]);
        var result = new List<NpqSchedule>();
        foreach (var row in csv.Rows)
        {
            var schedule = new NpqSchedule(
                row.Int("cohort"),
                row.Text("schedule_identifier"),
                row.Text("name"),
                row.Text("course_group"),
                row.Date("applies_from"),
                row.Date("applies_to"),
                row.List("declaration_types"));
            CheckYear(row, schedule.Cohort, contractYears);
            if (!schedule.Identifier.StartsWith("npq-", StringComparison.Ordinal))
            {
                throw row.Error($"schedule_identifier '{schedule.Identifier}' is not an NPQ schedule identifier.");
            }

            if (schedule.AllowedDeclarationTypes.Count == 0 || schedule.AllowedDeclarationTypes.Any(t => !DeclarationType.IsNpq(t)))
            {
                throw row.Error($"declaration_types must be a |-separated list of {string.Join(", ", DeclarationType.Npq)}.");
            }

            if (schedule.AppliesTo < schedule.AppliesFrom)
            {
                throw row.Error("applies_to is before applies_from.");
            }

            if (result.Any(s => s.Cohort == schedule.Cohort && s.Identifier == schedule.Identifier))
            {
                throw row.Error($"NPQ schedule {schedule.Cohort} {schedule.Identifier} appears twice.");
            }

            result.Add(schedule);
        }

        return result;
    }

    public static IReadOnlyList<StatementCalendarEntry> ParseStatementCalendar(TextReader reader, IReadOnlySet<int>? contractYears = null)
    {
        var csv = SeedCsv.Read(reader, StatementCalendarFile, ["contract_year", "name", "deadline_date", "payment_date", "output_fee"]);
        var result = new List<StatementCalendarEntry>();
        foreach (var row in csv.Rows)
        {
            var name = row.Text("name");
            if (!StatementCalendarEntry.TryParseName(name, out var year, out var month))
            {
                throw row.Error($"name '{name}' must be a month and year, e.g. 'January 2025'.");
            }

            var entry = new StatementCalendarEntry(row.Int("contract_year"), year, month, row.Date("deadline_date"), row.Date("payment_date"), row.Bool("output_fee"));
            CheckYear(row, entry.ContractYear, contractYears);
            if (entry.PaymentDate < entry.DeadlineDate)
            {
                throw row.Error("payment_date is before deadline_date.");
            }

            if (result.Any(e => e.ContractYear == entry.ContractYear && e.Year == year && e.Month == month))
            {
                throw row.Error($"statement '{name}' of contract year {entry.ContractYear} appears twice.");
            }

            result.Add(entry);
        }

        return result;
    }

    public static IReadOnlyList<LeadProvider> ParseLeadProviders(TextReader reader, IReadOnlySet<int>? contractYears = null)
    {
        var csv = SeedCsv.Read(reader, LeadProvidersFile, ["id", "name", "ecf", "npq", "vat_chargeable", "ecf_contract_years"]);
        var result = new List<LeadProvider>();
        foreach (var row in csv.Rows)
        {
            var years = new List<int>();
            foreach (var text in row.List("ecf_contract_years"))
            {
                var year = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                    ? y
                    : throw row.Error($"ecf_contract_years item '{text}' is not a year.");
                CheckYear(row, year, contractYears);
                years.Add(year);
            }

            var provider = new LeadProvider(row.Guid("id"), row.Text("name"), row.Bool("ecf"), row.Bool("npq"))
            {
                VatChargeable = row.Bool("vat_chargeable"),
                EcfContractYears = [.. years.Order()],
            };
            if (!provider.DeliversEcf && !provider.DeliversNpq)
            {
                throw row.Error("a lead provider must deliver ECF, NPQ or both.");
            }

            if (!provider.DeliversEcf && years.Count > 0)
            {
                throw row.Error("ecf_contract_years must be empty for a provider that does not deliver ECF.");
            }

            if (result.Any(p => p.Id == provider.Id || string.Equals(p.Name, provider.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw row.Error($"lead provider '{provider.Name}' ({provider.Id}) appears twice.");
            }

            result.Add(provider);
        }

        return result;
    }

    public static IReadOnlyList<DeliveryPartner> ParseDeliveryPartners(TextReader reader)
    {
        var csv = SeedCsv.Read(reader, DeliveryPartnersFile, ["id", "name"]);
        var result = new List<DeliveryPartner>();
        foreach (var row in csv.Rows)
        {
            var partner = new DeliveryPartner(row.Guid("id"), row.Text("name"));
            if (result.Any(p => p.Id == partner.Id || string.Equals(p.Name, partner.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw row.Error($"delivery partner '{partner.Name}' ({partner.Id}) appears twice.");
            }

            result.Add(partner);
        }

        return result;
    }

    /// <summary>The name columns are for readers of the file; they must match the ids.</summary>
    public static IReadOnlyList<ProviderRelationship> ParseRelationships(TextReader reader, IReadOnlyList<LeadProvider> leadProviders, IReadOnlyList<DeliveryPartner> deliveryPartners)
    {
        ArgumentNullException.ThrowIfNull(leadProviders);
        ArgumentNullException.ThrowIfNull(deliveryPartners);
        var csv = SeedCsv.Read(reader, RelationshipsFile, ["lead_provider_id", "lead_provider_name", "delivery_partner_id", "delivery_partner_name", "contract_year"]);
        var result = new List<ProviderRelationship>();
        foreach (var row in csv.Rows)
        {
            var relationship = new ProviderRelationship(row.Guid("lead_provider_id"), row.Guid("delivery_partner_id"), row.Int("contract_year"));
            var provider = leadProviders.FirstOrDefault(p => p.Id == relationship.LeadProviderId)
                ?? throw row.Error($"lead_provider_id {relationship.LeadProviderId} is not in {LeadProvidersFile}.");
            var partner = deliveryPartners.FirstOrDefault(p => p.Id == relationship.DeliveryPartnerId)
                ?? throw row.Error($"delivery_partner_id {relationship.DeliveryPartnerId} is not in {DeliveryPartnersFile}.");
            if (!string.Equals(provider.Name, row.Text("lead_provider_name"), StringComparison.Ordinal)
                || !string.Equals(partner.Name, row.Text("delivery_partner_name"), StringComparison.Ordinal))
            {
                throw row.Error($"the names do not match the ids ('{provider.Name}', '{partner.Name}').");
            }

            if (!provider.IsActiveForEcf(relationship.ContractYear))
            {
                throw row.Error($"'{provider.Name}' has no ECF contract in {relationship.ContractYear}.");
            }

            if (result.Contains(relationship))
            {
                throw row.Error("the relationship appears twice.");
            }

            result.Add(relationship);
        }

        return result;
    }

    private static void CheckYear(SeedCsvRow row, int year, IReadOnlySet<int>? contractYears)
    {
        if (contractYears is not null && !contractYears.Contains(year))
        {
            throw row.Error($"contract year {year} is not in {ContractPeriodsFile}.");
        }
    }
}
