using System.Collections.Frozen;
using System.Text.Json;

namespace ElectionStages.Api.Database;

/// <summary>
/// The words for enum values, the same in the seed CSV, the database and the JSON (kebab-case: <c>not-held</c>).
/// </summary>
internal static class Vocabulary<T>
    where T : struct, Enum
{
    public static readonly FrozenDictionary<string, T> ByWord =
        Enum.GetValues<T>().ToFrozenDictionary(Word, StringComparer.Ordinal);

    public static string Word(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse(string word) =>
        ByWord.TryGetValue(word, out var value)
            ? value
            : throw new InvalidDataException($"'{word}' is not a known {typeof(T).Name}");
}
