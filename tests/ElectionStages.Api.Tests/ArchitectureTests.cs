using System.Reflection;
using NetArchTest.Rules;

namespace ElectionStages.Api.Tests;

/// <summary>
/// The dependency rules between the API's folders (docs/architecture.md). Each folder is a namespace; a rule fails
/// with the types that reach where they should not.
/// </summary>
public class ArchitectureTests
{
    private const string Api = "ElectionStages.Api";

    private static readonly Assembly ApiAssembly = typeof(Program).Assembly;

    /// <summary>The endpoint features: each maps routes and shapes its responses.</summary>
    private static readonly string[] Features = ["Elections", "Running", "Regions", "Guidance", "Changes", "Page"];

    /// <summary>Everything but the features, plus the composition root's neighbours (OpenApi, Operations, Health).</summary>
    private static readonly string[] Infrastructure =
        ["Database", "Store", "Import", "Representations", "Requests", "Errors", "Feeds", "OpenApi", "Operations", "Health"];

    public static TheoryData<string, string[]> Rules => new()
    {
        // The schema and the connection: the bottom layer.
        { "Database", [.. Infrastructure.Except(["Database"]), .. Features] },
        // The read side knows the schema, nothing about HTTP or the import.
        { "Store", ["Import", "Representations", "Requests", "Errors", "Feeds", "OpenApi", "Operations", "Health", .. Features] },
        // The write side knows the schema, nothing about the running API.
        { "Import", ["Store", "Representations", "Requests", "Errors", "Feeds", "OpenApi", "Operations", "Health", .. Features] },
        // Negotiation, caching, compression, validators: no data access, no routes.
        { "Representations", ["Database", "Store", "Import", "Requests", "Errors", "Feeds", "OpenApi", "Operations", "Health", .. Features] },
        // RFC 9457 problems stand alone.
        { "Errors", [.. Infrastructure.Except(["Errors"]), .. Features] },
        // Query parsing and the /v1 prelude: the snapshot holder and the representations, not the database.
        { "Requests", ["Database", "Import", "Feeds", "OpenApi", "Operations", "Health", .. Features] },
        // CSV and iCalendar writers: domain in, bytes out.
        { "Feeds", ["Database", "Store", "Import", "Representations", "Requests", "Errors", "OpenApi", "Operations", "Health", .. Features] },
        { "Health", ["Database", "Import", "Representations", "Requests", "Feeds", "OpenApi", "Operations", .. Features] },
        { "Operations", ["Database", "Import", "Representations", "Requests", "Feeds", "OpenApi", "Health", .. Features] },
        { "OpenApi", ["Database", "Store", "Import", "Requests", "Errors", "Feeds", "Operations", "Health", .. Features] },
        // Features answer from the snapshot through Requests; they never touch the database or the import.
        { "Elections", ["Database", "Store", "Import", "Running", "Regions", "Guidance", "Changes", "Page"] },
        { "Running", ["Database", "Store", "Import", "Regions", "Guidance", "Changes", "Page"] },
        { "Regions", ["Database", "Store", "Import", "Running", "Guidance", "Changes", "Page"] },
        { "Guidance", ["Database", "Store", "Import", "Elections", "Running", "Regions", "Changes", "Page"] },
        { "Changes", ["Database", "Store", "Import", "Elections", "Running", "Regions", "Guidance", "Page"] },
        { "Page", ["Database", "Store", "Import", "Representations", "Requests", "Errors", "Feeds", .. Features.Except(["Page"])] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_folder_depends_only_on_what_its_layer_may_use(string folder, string[] forbidden)
    {
        var types = Types.InAssembly(ApiAssembly).That().ResideInNamespace($"{Api}.{folder}").GetTypes().ToList();
        Assert.NotEmpty(types);

        var result = Types.InAssembly(ApiAssembly)
            .That().ResideInNamespace($"{Api}.{folder}")
            .ShouldNot().HaveDependencyOnAny([.. forbidden.Select(f => $"{Api}.{f}")])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{folder} reaches where it should not: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_domain_depends_on_nothing_of_the_API_or_ASP_NET_Core()
    {
        var result = Types.InAssembly(typeof(Domain.CalendarSnapshot).Assembly)
            .ShouldNot().HaveDependencyOnAny(Api, "Microsoft.AspNetCore", "Npgsql", "Dapper")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Domain types reaching out: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_type_of_the_API_lives_in_a_known_folder()
    {
        var known = Infrastructure.Concat(Features).Select(f => $"{Api}.{f}").ToHashSet(StringComparer.Ordinal);
        var strays = ApiAssembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith(Api, StringComparison.Ordinal) && !known.Contains(ns))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(strays.Count == 0, $"types outside the folders this test knows (add the folder and its rule): {string.Join(", ", strays)}");
    }

    /// <summary>DbUp journals scripts by resource name; renaming one would run it again on a deployed database.</summary>
    [Fact]
    public void The_migrations_keep_the_resource_names_DbUp_journaled()
    {
        var scripts = ApiAssembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["ElectionStages.Api.Data.Migrations.0001_calendar.sql", "ElectionStages.Api.Data.Migrations.0002_guidance.sql",
             "ElectionStages.Api.Data.Migrations.0003_legal_time.sql",
             "ElectionStages.Api.Data.Migrations.0004_changes.sql",
             "ElectionStages.Api.Data.Migrations.0005_expected_elections.sql", "ElectionStages.Api.Data.Migrations.0006_election_short_name.sql"],
            scripts);
    }
}
