using System.Text.Json;
using System.Text.Json.Serialization;
using ElectionStages.Api.Calendar;
using ElectionStages.Api.Data;
using ElectionStages.Api.Data.Import;
using ElectionStages.Api.Elections;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Guidance;
using ElectionStages.Api.Health;
using ElectionStages.Api.OpenApi;
using ElectionStages.Api.Operations;
using ElectionStages.Api.Page;
using ElectionStages.Api.Problems;
using ElectionStages.Api.Regions;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

if (args.FirstOrDefault() == ImportCommand.Verb)
{
    var configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Skip(2).ToArray())
        .Build();
    return await ImportCommand.RunAsync(args, configuration, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
});
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddSingleton(services => DataSourceFactory.Create(services.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton<SnapshotHolder>();
builder.Services.Configure<CalendarOptions>(builder.Configuration.GetSection(CalendarOptions.Section));
builder.Services.AddHostedService<CalendarReloader>();
builder.Services.AddCalendarHealthChecks();
builder.Services.AddElectionStagesOpenApi();
builder.Services.AddFeeds();
builder.Services.AddClientRateLimiting(builder.Configuration);
builder.Services.AddTelemetry();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // A read-only GET API: no request bodies, modest headers.
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 0;
    kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
    kestrel.Limits.MaxRequestHeaderCount = 50;
    kestrel.Limits.MaxRequestLineSize = 8 * 1024;
});

var app = builder.Build();

app.UseHttpLogging();
app.UseResponseCompression();
app.UseCors();
app.UseProblemResponses();
app.UseRateLimiter();
app.UseElectionStagesOpenApi();
app.UseElectionStagesPage();

app.MapHealth();
app.MapMetrics();
app.MapElections();
app.MapCalendar();
app.MapRegions();
app.MapRegionCalendars();
app.MapGuidance();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test host can start it.</summary>
public partial class Program;
