using System.Reflection;
using System.Xml.XPath;

namespace ElectionStages.Api.OpenApi;

/// <summary>
/// The XML documentation files of the assemblies that hold contract types (the API's records, the Domain's records and
/// enums), read once. A missing file is an error: the document would silently lose its descriptions.
/// </summary>
internal sealed class XmlDocumentation
{
    private XmlDocumentation(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: the OpenAPI descriptions come from it (GenerateDocumentationFile in {assembly.GetName().Name}.csproj).", path);
        }

        using var reader = System.Xml.XmlReader.Create(path, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        Document = new XPathDocument(reader);
    }

    public static IReadOnlyList<XmlDocumentation> All { get; } =
        [new(typeof(XmlDocumentation).Assembly), new(typeof(ElectionStages.Domain.Stage).Assembly)];

    public XPathDocument Document { get; }

    /// <summary>The summary of a member (<c>F:Namespace.Enum.Member</c>, <c>T:Namespace.Type</c>) in any of the files, one line.</summary>
    public static string? Summary(string memberName)
    {
        foreach (var docs in All)
        {
            var node = docs.Document.CreateNavigator().SelectSingleNode($"/doc/members/member[@name='{memberName}']/summary");
            if (node is not null)
            {
                var text = Swashbuckle.AspNetCore.SwaggerGen.XmlCommentsTextHelper.Humanize(node.InnerXml);
                return string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return null;
    }
}
