using System.IO.Compression;
using System.Reflection;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Page;

internal static class PageSetup
{
    private static readonly string[] PageMediaTypes = ["text/html", "text/css", "text/javascript", "image/svg+xml"];

    /// <summary>
    /// The page for civil servants at <c>/</c>: index.html, app.js and style.css, embedded in the assembly so they are
    /// found whatever the content root. No fallback: any other path is still a problem+json 404.
    /// </summary>
    public static WebApplication UseElectionStagesPage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "ElectionStages.Api.wwwroot");

        // The API's compression lists only its own media types; the page gets its own Brotli/gzip.
        var compression = new ResponseCompressionProvider(app.Services, Options.Create(new ResponseCompressionOptions
        {
            EnableForHttps = true,
            Providers =
            {
                new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Optimal })),
                new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Optimal })),
            },
            MimeTypes = PageMediaTypes,
        }));
        // Only the page's own paths go through the file middleware, so API requests pay nothing for it.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && IsPageFile(files, context.Request.Path),
            page => page
                .UseMiddleware<ResponseCompressionMiddleware>(compression)
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
