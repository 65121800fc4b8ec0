# syntax=docker/dockerfile:1
# Multi-stage: the SDK image builds, the ASP.NET runtime image runs. The SDK tag matches global.json (10.0).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Set by BuildKit (amd64, arm64); publishing for it makes the build ReadyToRun (see the project file).
ARG TARGETARCH
WORKDIR /source
COPY global.json nuget.config Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CimdHost/CimdHost.csproj src/CimdHost/
RUN dotnet restore src/CimdHost/CimdHost.csproj -a $TARGETARCH
COPY src/ src/
# Note: CI builds with warnings as errors; an image build on a newer SDK band must not fail on a new analyzer.
RUN dotnet publish src/CimdHost/CimdHost.csproj -c Release -a $TARGETARCH --self-contained false -o /app --no-restore \
    -p:TreatWarningsAsErrors=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The public listener for ASes is the image's ASPNETCORE_HTTP_PORTS (8080). The management listener stays inside
# the container unless you publish it (Management__Urls=http://+:8081, mapped only to a network ops can reach).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Management__Urls=http://localhost:8081 \
    Clients__Directory=/clients.d
# Note: bind mounts and ConfigMap volumes do not always deliver file-change events; CimdHost also polls
# the folder (Clients__PollInterval, 2 s by default), so no DOTNET_USE_POLLING_FILE_WATCHER is needed.
EXPOSE 8080
# The aspnet image ships an unprivileged user "app" (UID 1654).
USER app
# Mount the definitions read-only: docker run -v "$PWD/clients.d:/clients.d:ro" -p 8080:8080 cimdhost
ENTRYPOINT ["dotnet", "CimdHost.dll"]
