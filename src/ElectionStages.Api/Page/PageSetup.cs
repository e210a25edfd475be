using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Page;

internal static class PageSetup
{
    /// <summary>
    /// The page for civil servants at <c>/</c>: index.html, app.js and style.css, embedded in the assembly so they are
    /// found whatever the content root. No fallback: any other path is still a problem+json 404.
    /// </summary>
    public static WebApplication UseElectionStagesPage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "ElectionStages.Api.wwwroot");

        // Only the page's own paths go through the file middleware, so API requests pay nothing for it.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && IsPageFile(files, context.Request.Path),
            page => page
                .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files })
                .UseStaticFiles(StaticFiles(files)));
        return app;
    }

    private static StaticFileOptions StaticFiles(EmbeddedFileProvider files) =>
        new()
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                var isHtml = context.File.Name.EndsWith(".html", StringComparison.Ordinal);

                // The HTML is revalidated on every load (ETag/Last-Modified make that a 304), so a new release is
                // seen at once; the script and stylesheet it names may be cached briefly, like the API's answers.
                headers.CacheControl = isHtml ? "no-cache" : "public, max-age=300";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (isHtml)
                {
                    headers.ContentSecurityPolicy =
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
                        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
                }
            },
        };

    private static bool IsPageFile(EmbeddedFileProvider files, PathString path) =>
        path == "/" || (path.HasValue && path.Value!.LastIndexOf('/') == 0 && files.GetFileInfo(path.Value).Exists);
}
