using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ElectionStages.Api.Guidance;

/// <summary><c>/v1/asn</c>: what an ASN may say or do on a date in a region, and the rule catalogue.</summary>
internal static class GuidanceEndpoints
{
    public static readonly LocalizedText Notice = new(
        "Ini panduan yang disusun dari peraturan yang dipublikasikan, bukan pendapat hukum. Untuk kasus tertentu, " +
        "tanyakan kepada BKN, Bawaslu atau bagian kepegawaian instansi Anda.",
        "This is guidance compiled from public regulations, not a legal opinion. For a particular case, ask BKN, " +
        "Bawaslu or your agency's personnel office.");

    private static readonly LocalizedText NationalOnly = new(
        "Tanpa region, hanya pemilu nasional yang diperhitungkan; pilkada berlaku per provinsi dan kabupaten/kota.",
        "Without a region only national elections are considered; regional elections apply per province and regency/city.");

    public static RouteGroupBuilder MapGuidance(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/asn").WithTags("ASN guidance");

        group.MapGet("/guidance", GetGuidance)
            .WithName("GetAsnGuidance")
            .WithSummary("What may an ASN say or do today?")
            .WithDescription(
                "The neutrality rules in force for a civil servant (PNS/PPPK) on `date` in `region`: only rules whose legal " +
                "basis was the law on that date, held at all times or put in force by the phase of a contest that applies " +
                "there (the general election everywhere, a regional election where it runs). The ASN's own prohibitions " +
                "come first (phase rules by severity, then the always-rules), then duties, allowed acts and the rules that " +
                "bind others; with notices on incomplete data, the bodies to report to, and the next date on which the " +
                "answer changes (with the rules added and removed). " +
                "Without `date`: today in the region's zone (or `zone`, default Asia/Jakarta).")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/rules", ListRules)
            .WithName("ListAsnRules")
            .WithSummary("The rule catalogue")
            .WithDescription(
                "Every neutrality rule, one entry per version: prohibited and allowed acts, duties and procedures, with the " +
                "phases and election kinds they apply to, the days their legal basis was the law, and whom they bind.")
            .Negotiates(MediaTypes.JsonOnly);

        group.MapGet("/acts", ActsEndpoints.ListActs)
            .WithName("ListAsnActs")
            .WithSummary("The catalogue of concrete acts")
            .WithDescription(
                "Concrete acts in plain words (sharing a candidate's post, attending a rally, wearing party attributes, …), " +
                "each with the rules that decide it. `q` searches the Indonesian and English texts and keywords; every " +
                "word of `q` must match.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/acts/{id}", ActsEndpoints.CheckAct)
            .WithName("CheckAsnAct")
            .WithSummary("May an ASN do this, then and there?")
            .WithDescription(
                "The verdict on one act on `date` in `region`: `prohibited`, `allowed` or `not-regulated`, the last day the " +
                "verdict holds (`until`), and the deciding rule's sanction and legal basis, in the law in force on `date`.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/instruments", ListInstruments)
            .WithName("ListAsnInstruments")
            .WithSummary("The laws and guidance the rules cite")
            .WithDescription(
                "Every instrument a rule or authority cites (laws, regulations, circulars, joint decrees, rulings, public " +
                "statements), with the days it was in force and a link to the official text where one is known.")
            .Negotiates(MediaTypes.JsonOnly);

        group.MapGet("/rules/{id}", CheckRule)
            .WithName("CheckAsnRule")
            .WithSummary("Is this rule in force then and there?")
            .WithDescription("Whether one rule holds on `date` in `region`, and which election, contest and phase put it in force.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return v1;
    }

    private static Results<RepresentationResult<GuidanceResponse>, ProblemHttpResult> GetGuidance(
        string? date, string? region, string? zone, [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        var (where, problem) = Resolve(snapshot, date, region, zone, request.Clock);
        if (where is null)
        {
            return problem!;
        }

        return Dated(request.Responder, snapshot, "guidance", where, date is null, () => BuildGuidance(snapshot, where, date is null));
    }

    private static GuidanceResponse BuildGuidance(CalendarSnapshot snapshot, Where where, bool dateIsToday)
    {
        var answer = NeutralityGuide.Answer(snapshot, where.Date, where.Region);
        var applicable = NeutralityGuide.ContestsFor(snapshot, where.Region).Select(c => c.Election).DistinctBy(e => e.Id).ToList();
        var elections = applicable
            .Select(e => new GuidanceElection(
                e.Id, e.Kind, e.Name, e.ShortName,
                RunningStages(snapshot, e.Id, where.Date),
                [.. answer.Contests.Where(c => c.Election.Id == e.Id).Select(c => new ContestPhaseResponse(c.Contest.Id, c.Contest.Name, PhaseOf(snapshot, c.PhaseId)))]))
            .Where(e => e.Stages.Count > 0 || e.Contests.Count > 0)
            .ToList();
        var rules = answer.Rules.Select(r => (r.Rule, Response: RuleResponse.From(r.Rule, r.Because, snapshot))).ToList();
        List<RuleResponse> Pick(Func<NeutralityRule, bool> predicate) => [.. rules.Where(r => predicate(r.Rule)).Select(r => r.Response)];
        var next = answer.NextChange is { } change
            ? new NextChangeResponse(
                change.Date,
                [.. change.Contests.Select(c => new NextPhase(c.Election.Id, c.Contest.Id, PhaseOf(snapshot, c.PhaseId)))],
                change.Added,
                change.Removed)
            : null;
        return new GuidanceResponse(
            where.Date,
            where.Zone.Id,
            dateIsToday,
            where.Region is { } r ? new RegionRef(r.Code, r.Name) : null,
            Notices.For(answer.Notices, snapshot),
            Pick(rule => rule.Addressee == Addressee.Asn && rule.Kind == RuleKind.Prohibited),
            Pick(rule => rule.Addressee == Addressee.Asn && rule.Kind is RuleKind.Duty or RuleKind.Procedure),
            Pick(rule => rule.Addressee == Addressee.Asn && rule.Kind == RuleKind.Allowed),
            Pick(rule => rule.Addressee != Addressee.Asn),
            [.. answer.ReportTo.Select(a => AuthorityResponse.From(a, snapshot))],
            next,
            answer.Contests.Count == 0 ? UpcomingElection.After(snapshot, where.Date, where.Region) : [],
            elections,
            where.Region is null ? NationalOnly : new LocalizedText("Pemilu nasional dan pilkada di wilayah ini.", "National elections and the regional elections of this region."),
            Notice,
            snapshot.Revision,
            snapshot.ImportedAt);
    }

    private static Results<RepresentationResult<IReadOnlyList<RuleResponse>>, ProblemHttpResult> ListRules(
        [AsParameters] V1Request request)
    {
        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        return responder.Cached<IReadOnlyList<RuleResponse>>(snapshot, "rules", () => new Representation(
            responder.JsonBytes<IReadOnlyList<RuleResponse>>([.. snapshot.Guidance.Rules.Select(r => RuleResponse.From(r, [], snapshot))]),
            Responder.JsonContentType,
            snapshot));
    }

    private static Results<RepresentationResult<IReadOnlyList<InstrumentResponse>>, ProblemHttpResult> ListInstruments(
        [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        return request.Responder.Answer<IReadOnlyList<InstrumentResponse>>(
            snapshot, "instruments", () => [.. snapshot.Guidance.Instruments.Select(InstrumentResponse.From)]);
    }

    private static Results<RepresentationResult<RuleCheckResponse>, ProblemHttpResult> CheckRule(
        string id, string? date, string? region, string? zone, [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();

        if (snapshot.FindRule(id) is not { } rule)
        {
            return Problems.UnknownId(id, new LocalizedText("aturan", "rule"), "/v1/asn/rules");
        }

        var (where, problem) = Resolve(snapshot, date, region, zone, request.Clock);
        if (where is null)
        {
            return problem!;
        }

        return Dated(request.Responder, snapshot, $"rule|{rule.Id}", where, date is null, () => BuildRuleCheck(snapshot, rule, where));
    }

    private static RuleCheckResponse BuildRuleCheck(CalendarSnapshot snapshot, NeutralityRule rule, Where where)
    {
        var answer = NeutralityGuide.Answer(snapshot, where.Date, where.Region);
        var inForce = answer.Rules.FirstOrDefault(r => r.Rule.Id == rule.Id);
        var familyInForce = answer.Rules.FirstOrDefault(r => r.Rule.Family == rule.Family);
        var because = (inForce?.Because ?? [])
            .Select(c => new RuleReason(c.Election.Id, c.Election.Name, c.Contest.Id, c.Contest.Name, PhaseOf(snapshot, c.PhaseId), RunningStages(snapshot, c.Election.Id, where.Date)))
            .ToList();
        var body = new RuleCheckResponse(
            RuleResponse.From(rule, inForce?.Because ?? [], snapshot),
            where.Date,
            where.Zone.Id,
            where.Region is { } r ? new RegionRef(r.Code, r.Name) : null,
            inForce is not null,
            rule.HoldsAlways,
            familyInForce?.Rule.Id,
            because,
            Notices.For(answer.Notices, snapshot),
            Notice);
        return body;
    }

    internal sealed record Where(LocalDate Date, DateTimeZone Zone, Region? Region);

    /// <summary>
    /// An answer about a date, zone and region, cached per snapshot and that question. An answer about "today" (no
    /// <c>date</c> given) also changes when the day starts in the zone, so its Last-Modified is no earlier than that.
    /// </summary>
    internal static RepresentationResult<T> Dated<T>(Responder responder, CalendarSnapshot snapshot, string what, Where where, bool dateIsToday, Func<T> build) =>
        responder.Answer(
            snapshot,
            $"{what}|{where.Date:uuuu-MM-dd}|{where.Region?.Code}|{where.Zone.Id}|{dateIsToday}",
            build,
            dateIsToday ? where.Date.AtStartOfDayInZone(where.Zone).ToInstant() : null);

    /// <summary>The date, zone and region a request asks about, or the problem with its parameters.</summary>
    internal static (Where? Where, ProblemHttpResult? Problem) Resolve(CalendarSnapshot snapshot, string? date, string? region, string? zone, IClock clock)
    {
        if (!QueryParameters.TryParseDate(date, out var day, out var dateError))
        {
            return (null, Problems.InvalidParameter("date", dateError));
        }

        if (!QueryParameters.TryParseZone(zone, out var timeZone, out var zoneError))
        {
            return (null, Problems.InvalidParameter("zone", zoneError));
        }

        Region? found = null;
        if (region is not null)
        {
            if (RegionCodes.Normalize(region) is not { } code)
            {
                return (null, Problems.MalformedRegionCode("region", region));
            }

            found = snapshot.FindRegion(code);
            if (found is null)
            {
                return (null, Problems.UnknownRegion("region", code, inPath: false));
            }

            if (zone is not null && Canonical(timeZone.Id) != Canonical(found.ZoneId))
            {
                return (null, Problems.InvalidParameter("zone", new LocalizedText(
                    $"wilayah {found.Code} ({found.Name}) memakai zona waktu {found.ZoneId}, bukan {timeZone.Id}; kosongkan zone atau samakan keduanya",
                    $"region {found.Code} ({found.Name}) keeps time in {found.ZoneId}, not {timeZone.Id}; leave zone out or make them agree")));
            }

            timeZone = DateTimeZoneProviders.Tzdb[found.ZoneId];
        }

        return (new Where(date is null ? ZonedToday.In(clock, timeZone) : day, timeZone, found), null);
    }

    /// <summary>Tzdb aliases (Asia/Ujung_Pandang) name the same zone as their canonical id (Asia/Makassar).</summary>
    private static string Canonical(string zoneId) =>
        NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(zoneId, out var canonical) ? canonical : zoneId;

    private static List<StageRef> RunningStages(CalendarSnapshot snapshot, string electionId, LocalDate date) =>
        [.. snapshot.StagesOf(electionId).Where(s => s.IsRunningOn(date)).Select(s => new StageRef(s.Id, s.Name, s.Dates?.Start, s.Dates?.End))];

    private static PhaseRef PhaseOf(CalendarSnapshot snapshot, string phaseId) =>
        new(phaseId, snapshot.FindPhase(phaseId)?.Name ?? new LocalizedText(phaseId, phaseId));
}
