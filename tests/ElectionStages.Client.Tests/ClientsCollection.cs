using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Client.Tests;

/// <summary>The seeded database and the API on it (its clock at 12 Feb 2024, 10:00 WIB), shared by the client tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClientsCollection : ICollectionFixture<SeededApiFixture>
{
    public const string Name = "clients";
}
