# Multi-stage build: the SDK image builds, the ASP.NET runtime image runs as a non-root user.
#   docker build -t electionstages .
#   docker run --rm -e ConnectionStrings__Elections=... electionstages import /app/seed-data   # one-off import
#   docker run -p 8080:8080 -e ConnectionStrings__Elections=... electionstages                   # the API
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ElectionStages.sln ./
COPY src/ElectionStages.Domain/ElectionStages.Domain.csproj src/ElectionStages.Domain/
COPY src/ElectionStages.Api/ElectionStages.Api.csproj src/ElectionStages.Api/
RUN dotnet restore src/ElectionStages.Api/ElectionStages.Api.csproj
COPY src/ src/
RUN dotnet publish src/ElectionStages.Api/ElectionStages.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seed-data/ ./seed-data/
# DOTNET_GCgen0size: a 4 MB gen0 budget for the Workstation GC the app is built with: peak RSS about 150-160 MB
# under bench/run's load at no cost in CPU per request, 190-300 MB under a crawl of distinct keys (bench/memory;
# docs/operations.md, "Memory"). Only the environment can set it.
# MALLOC_MMAP_THRESHOLD_: glibc serves every native block of 128 KiB or more (Brotli's and zlib's working memory,
# a few MB per body compressed) with its own mapping and returns it on free, instead of letting each thread's arena
# keep tens of MB; under distinct-key load that is most of the native memory (bench/memory, docs/operations.md).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_GCgen0size=0x400000 \
    MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 8080
# The image's built-in unprivileged user.
USER $APP_UID
ENTRYPOINT ["dotnet", "ElectionStages.Api.dll"]
