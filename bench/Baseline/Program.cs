// A bare ASP.NET Core Minimal API returning a fixed small JSON: the yardstick the benchmark compares against.
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/", () => TypedResults.Ok(new { status = "ok", revision = 1 }));
await app.RunAsync();
