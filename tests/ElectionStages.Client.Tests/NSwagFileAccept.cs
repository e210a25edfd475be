namespace ElectionStages.Client.Tests.NSwag;

/// <summary>
/// NSwag's documented hook, as an integrator would write it: a download by suffix asks for its own type. NSwag sends
/// the first media type the document lists (<c>application/json</c>) for every file, and a suffix URL whose
/// <c>Accept</c> excludes its type is a 406 (docs/clients.md).
/// </summary>
public partial class ElectionStagesNSwagClient
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Implements the generated client's partial method.")]
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        // The URL is relative (to the HttpClient's base address) and may carry a query.
        var type = Path.GetExtension(url.Split('?')[0]) switch
        {
            ".csv" => "text/csv",
            ".ics" => "text/calendar",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
        if (type is not null)
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.ParseAdd(type);
        }
    }
}
