using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary>
/// Every seed file of a folder, read and validated as a whole, one reader per file (<see cref="ElectionsFile"/>,
/// <see cref="StagesFile"/>, …) and the later files checked against the earlier ones. Either <see cref="Problems"/> is
/// empty and the data is complete and consistent, or nothing of it may be written. No database is involved.
/// </summary>
internal sealed class SeedSet
{
    public static readonly string[] KnownFiles =
        [
            ElectionsFile.Name, StagesFile.Name, RegionsFile.Name, PhasesFile.Name, ContestsFile.Name, ElectionRegionsFile.Name,
            InstrumentsFile.Name, RulesFile.Name, AuthoritiesFile.Name, ActsFile.Name, ExpectedElectionsFile.Name,
        ];

    private SeedSet(
        IReadOnlyList<Election> elections, IReadOnlyList<Stage> stages, GuidanceData guidance, IReadOnlyList<SeedProblem> problems,
        IReadOnlyList<ExpectedElection>? expected = null)
    {
        Elections = elections;
        Expected = expected ?? [];
        Stages = stages;
        Guidance = guidance;
        Problems = problems;
    }

    public IReadOnlyList<Election> Elections { get; }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>Elections decided in principle but not scheduled.</summary>
    public IReadOnlyList<ExpectedElection> Expected { get; }

    public GuidanceData Guidance { get; }

    public IReadOnlyList<SeedProblem> Problems { get; }

    private static readonly (string Name, string[] Columns)[] Columns =
    [
        (ElectionsFile.Name, ElectionsFile.Columns), (StagesFile.Name, StagesFile.Columns), (RegionsFile.Name, RegionsFile.Columns),
        (PhasesFile.Name, PhasesFile.Columns), (ContestsFile.Name, ContestsFile.Columns), (ElectionRegionsFile.Name, ElectionRegionsFile.Columns),
        (InstrumentsFile.Name, InstrumentsFile.Columns), (RulesFile.Name, RulesFile.Columns), (AuthoritiesFile.Name, AuthoritiesFile.Columns),
        (ActsFile.Name, ActsFile.Columns), (ExpectedElectionsFile.Name, ExpectedElectionsFile.Columns),
    ];

    /// <summary>The most problems reported per file; a file of junk says how many more there were, not each.</summary>
    public const int MaxProblemsPerFile = 25;

    public static SeedSet Read(string directory) => Read(SeedFiles.FromDirectory(directory));

    private static List<SeedProblem> Capped(List<SeedProblem> problems)
    {
        var kept = new List<SeedProblem>();
        foreach (var file in problems.GroupBy(p => p.File, StringComparer.Ordinal))
        {
            var all = file.ToList();
            kept.AddRange(all.Take(MaxProblemsPerFile));
            if (all.Count > MaxProblemsPerFile)
            {
                kept.Add(new SeedProblem(file.Key, 0, $"and {all.Count - MaxProblemsPerFile:N0} more problems in this file (the first {MaxProblemsPerFile} are shown)"));
            }
        }

        return kept;
    }

    public static SeedSet Read(SeedFiles files)
    {
        var problems = new List<SeedProblem>();
        if (!files.Exists)
        {
            problems.Add(new SeedProblem(files.Location, 0, "no such directory"));
            return new SeedSet([], [], GuidanceData.Empty, problems);
        }

        foreach (var unknown in files.Names.Where(name => !KnownFiles.Contains(name, StringComparer.Ordinal)))
        {
            problems.Add(new SeedProblem(unknown, 0, $"unknown seed file; expected only {string.Join(", ", KnownFiles)}"));
        }

        // Every file is parsed first. If one cannot be read as a table (missing, too big, not UTF-8, a NUL byte, a wrong
        // header), only that is reported: checking the others against it would print a follow-on line per reference.
        var tables = new Dictionary<string, SeedTable?>(StringComparer.Ordinal);
        var unreadable = false;
        foreach (var (name, columns) in Columns)
        {
            if (files.Content(name) is not { } content)
            {
                problems.Add(new SeedProblem(name, 0, "file is missing"));
                unreadable = true;
                continue;
            }

            var table = SeedTable.Read(name, content, columns, problems);
            unreadable |= table.Unreadable;
            tables[name] = table;
        }

        if (unreadable)
        {
            return new SeedSet([], [], GuidanceData.Empty, Capped(problems));
        }

        SeedTable? Table(string name, string[] columns) => tables[name];

        var elections = ElectionsFile.Read(Table(ElectionsFile.Name, ElectionsFile.Columns), problems);
        var stages = StagesFile.Read(Table(StagesFile.Name, StagesFile.Columns), elections, problems);
        var regions = RegionsFile.Read(Table(RegionsFile.Name, RegionsFile.Columns), problems);
        var phases = PhasesFile.Read(Table(PhasesFile.Name, PhasesFile.Columns), problems);
        var contests = ContestsFile.Read(Table(ContestsFile.Name, ContestsFile.Columns), elections, stages, problems);
        var electionRegions = ElectionRegionsFile.Read(Table(ElectionRegionsFile.Name, ElectionRegionsFile.Columns), elections, regions, contests, problems);
        var instruments = InstrumentsFile.Read(Table(InstrumentsFile.Name, InstrumentsFile.Columns), problems);
        var rules = RulesFile.Read(Table(RulesFile.Name, RulesFile.Columns), instruments, problems);
        var authorities = AuthoritiesFile.Read(Table(AuthoritiesFile.Name, AuthoritiesFile.Columns), instruments, problems);
        var acts = ActsFile.Read(Table(ActsFile.Name, ActsFile.Columns), rules, problems);
        var expected = ExpectedElectionsFile.Read(Table(ExpectedElectionsFile.Name, ExpectedElectionsFile.Columns), elections, instruments, problems);
        return new SeedSet(
            elections, stages, new GuidanceData(regions, phases, contests, electionRegions, rules, instruments, authorities, acts), Capped(problems),
            expected);
    }
}
