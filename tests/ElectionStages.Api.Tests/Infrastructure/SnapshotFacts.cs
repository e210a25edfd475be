using NodaTime;
using NodaTime.Text;

namespace ElectionStages.Api.Tests.Infrastructure;

/// <summary>Facts read from the API's own answers, so that tests need not hard-code them.</summary>
public static class SnapshotFacts
{
    /// <summary>
    /// The day after the last day on which anything modelled starts or ends (a stage of any election, a rule's
    /// validity): guidance on it has no next change.
    /// </summary>
    public static async Task<LocalDate> DayWithoutNextChangeAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var days = new List<string>();
        foreach (var rule in (await client.GetJsonAsync("/v1/asn/rules")).AsArray())
        {
            days.AddRange(((string?[])[rule.Str("validFrom"), rule.Str("validTo")]).OfType<string>());
        }

        foreach (var election in (await client.GetJsonAsync("/v1/elections")).AsArray())
        {
            var stages = await client.GetJsonAsync($"/v1/elections/{election.Str("id")}/stages");
            days.AddRange(stages["stages"]!.AsArray().SelectMany(s => (string?[])[s.Str("start"), s.Str("end")]).OfType<string>());
        }

        return LocalDatePattern.Iso.Parse(days.Max(StringComparer.Ordinal)!).Value.PlusDays(1);
    }
}
