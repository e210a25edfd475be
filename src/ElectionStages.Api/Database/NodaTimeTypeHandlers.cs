using System.Data;
using Dapper;
using NodaTime;

namespace ElectionStages.Api.Database;

/// <summary>
/// Lets Dapper pass NodaTime values through to Npgsql, whose NodaTime plugin maps them to PostgreSQL types natively.
/// </summary>
internal static class NodaTimeTypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new PassThrough<LocalDate>());
            SqlMapper.AddTypeHandler(new PassThrough<Instant>());
        }
    }

    private sealed class PassThrough<T> : SqlMapper.TypeHandler<T>
    {
        public override T Parse(object value) => (T)value;

        public override void SetValue(IDbDataParameter parameter, T? value) => parameter.Value = value;
    }
}
