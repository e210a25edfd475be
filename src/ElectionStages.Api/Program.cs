using ElectionStages.Api.Changes;
using ElectionStages.Api.Elections;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Guidance;
using ElectionStages.Api.Health;
using ElectionStages.Api.Import;
using ElectionStages.Api.OpenApi;
using ElectionStages.Api.Operations;
using ElectionStages.Api.Page;
using ElectionStages.Api.Regions;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Api.Running;
using ElectionStages.Api.Store;
using NodaTime;

// The same binary imports seed-data/ into the database (docs/architecture.md, "Two processes, one schema").
if (args.FirstOrDefault() == ImportCommand.Verb)
{
    return await ImportCommand.RunAsync(args, ImportCommand.Configuration(args), Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddOneLineConsole();

builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddProblems();
builder.Services.AddSnapshotStore(builder.Configuration);
builder.Services.AddSnapshotHealthChecks();
builder.Services.AddRepresentations();
builder.Services.AddElectionStagesOpenApi();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddClientRateLimiting(builder.Configuration);
builder.Services.AddTelemetry();
builder.WebHost.UseReadOnlyApiLimits();

var app = builder.Build();

app.UseTrustedProxies();
app.UseNoSniff();
app.UseAccessLog();
app.UseHeadAsGet();
// Routing after HEAD has become GET, so that HEAD matches every GET endpoint (the host would otherwise route first).
app.UseRouting();
app.UseResponseCompression();
app.UseCors();
app.UseProblemResponses();
app.UseMetricsReadOnly();
app.UseNoRequestContent();
app.UseRateLimiter();
app.UseElectionStagesOpenApi();
app.UseElectionStagesPage();

app.MapHealth();
app.MapMetrics();
var v1 = app.MapV1();
v1.MapElections();
v1.MapRunning();
v1.MapRegions();
v1.MapGuidance();
v1.MapBadge();
v1.MapChanges();
app.MapEmbed();
app.MapProblemPages();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test host can start it.</summary>
public partial class Program;
