using System.Globalization;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Guidance;

/// <summary><c>/v1/asn/acts</c>: the catalogue of concrete acts, and the yes/no for one act on a date in a region.</summary>
internal static class ActsEndpoints
{
    /// <summary>The longest search accepted; longer is a 400, not a slow scan.</summary>
    public const int MaxQueryLength = 100;

    public static Results<RepresentationResult<IReadOnlyList<ActResponse>>, ProblemHttpResult> ListActs(string? q, [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        if (q is { Length: > MaxQueryLength })
        {
            return Problems.InvalidParameter("q", new LocalizedText(
                $"panjangnya {q.Length} karakter; paling banyak {MaxQueryLength} yang diterima",
                $"is {q.Length} characters long; at most {MaxQueryLength} are accepted"));
        }

        var words = Words(q ?? "");
        return request.Responder.Answer<IReadOnlyList<ActResponse>>(
            snapshot,
            $"acts|{string.Join(' ', words)}",
            () => [.. snapshot.Guidance.Acts.Where(a => Matches(a, words)).Select(a => new ActResponse(a.Id, a.Text, a.Keywords, a.Rules))]);
    }

    public static Results<RepresentationResult<ActCheckResponse>, ProblemHttpResult> CheckAct(
        string id, string? date, string? region, string? zone, [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        if (snapshot.FindAct(id) is not { } act)
        {
            return Problems.UnknownId(id, new LocalizedText("perbuatan", "act"), "/v1/asn/acts");
        }

        var (where, problem) = GuidanceEndpoints.Resolve(snapshot, date, region, zone, request.Clock);
        if (where is null)
        {
            return problem!;
        }

        return GuidanceEndpoints.Dated(request.Responder, snapshot, $"act|{act.Id}", where, date is null, () => Build(snapshot, act, where));
    }

    private static ActCheckResponse Build(CalendarSnapshot snapshot, Act act, GuidanceEndpoints.Where where)
    {
        var answer = NeutralityGuide.Check(snapshot, act, where.Date, where.Region);
        var rule = answer.DecidedBy?.Rule;
        return new ActCheckResponse(
            new ActRef(act.Id, act.Text),
            where.Date,
            where.Region is { } r ? new RegionRef(r.Code, r.Name) : null,
            answer.Verdict,
            answer.Until,
            rule is null ? null : new SanctionSummary(rule.SanctionKind, Notices.SanctionName(rule.SanctionKind)),
            rule is null ? [] : LegalBasisRef.From(rule.LegalBasis, snapshot),
            answer.DecidedBy is { } decided
                ? new VerdictReason(
                    decided.Rule.Id,
                    decided.Rule.Scope,
                    [.. decided.Because.Select(b => b.Election.Id).Distinct(StringComparer.Ordinal)],
                    [.. decided.Because.Select(b => b.PhaseId).Distinct(StringComparer.Ordinal)])
                : null,
            Notices.For(answer.Notices, snapshot));
    }

    /// <summary>The words of a search, lower-cased; an empty search matches every act.</summary>
    private static string[] Words(string q) =>
        [.. q.ToLower(CultureInfo.InvariantCulture).Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool Matches(Act act, string[] words)
    {
        if (words.Length == 0)
        {
            return true;
        }

        var haystack = string.Join('\n', act.Keywords.Append(act.Text.Id).Append(act.Text.En)).ToLower(CultureInfo.InvariantCulture);
        return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
    }
}
