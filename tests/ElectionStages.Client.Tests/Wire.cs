using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;

namespace ElectionStages.Client.Tests;

/// <summary>What the generated clients read, put back in the API's own words, to compare with the raw JSON.</summary>
internal static class Wire
{
    /// <summary>The wire value of a generated enum member (both generators mark it with <see cref="EnumMemberAttribute"/>).</summary>
    public static string Of<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<EnumMemberAttribute>()?.Value
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{value} has no wire value");

    public static string? Of<T>(T? value)
        where T : struct, Enum => value is { } v ? Of(v) : null;

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Date(DateTimeOffset? value) => value is { } v ? Date(v) : null;

    public static string? Date(Microsoft.Kiota.Abstractions.Date? value) => value?.ToString();

    public static IEnumerable<string?> Strings(this JsonNode? array, string property) =>
        array!.AsArray().Select(item => (string?)item![property]);

    public static IEnumerable<string> Values(this JsonNode? array) => array!.AsArray().Select(item => (string)item!);
}
