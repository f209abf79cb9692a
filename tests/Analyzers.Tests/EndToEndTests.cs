using System.Diagnostics;
using System.Text;

namespace OutboxGen.Analyzers.Tests;

/// <summary>
/// Packs the runtime with its analyzers and builds a small project against the package, as a user would. Slow: it
/// runs <c>dotnet pack</c> and <c>dotnet build</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class EndToEndTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "outboxgen-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_build_of_a_broken_project_shows_the_diagnostic_with_its_location_and_help_link()
    {
        var feed = Path.Combine(_root, "feed");
        var app = Path.Combine(_root, "app");
        Directory.CreateDirectory(app);
        // A version of its own keeps the build from finding an older package of this test in any NuGet cache.
        var version = "0.0.0-e2e." + Guid.NewGuid().ToString("N")[..12];
        var pack = await RunAsync(
            Repository.Root,
            "pack",
            Path.Combine(Repository.Root, "src", "Runtime", "OutboxGen.csproj"),
            "--no-build",
            "-c",
            Configuration(),
            "-o",
            feed,
            $"-p:Version={version}");
        Assert.True(pack.ExitCode == 0, pack.Output);
        WriteProject(app, feed, version);

        var build = await RunAsync(
            app,
            "build",
            "--nologo",
            $"-p:RestoreAdditionalProjectFallbackFolders={GlobalPackagesFolder()}");

        var model = Path.Combine(app, "Model.cs");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"{model}(16,22): error OBX105: Replicated model 'Member' has no public", build.Output);
        Assert.Contains(
            "(https://github.com/outboxgen/outboxgen/blob/main/docs/diagnostics/OBX105.md)",
            build.Output);
        // The analyzers, code fixes and generator all load: no load failure and no analyzer crash is reported.
        Assert.DoesNotMatch(@"(warning|error) (CS8032|CS9057|AD0001)", build.Output);
    }

    private static void WriteProject(string directory, string feed, string version)
    {
        // The generated configuration adds the local feed and keeps the default source for everything else.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="outboxgen-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OutboxGen" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Model.cs"), """
            using OutboxGen;

            namespace App;

            public enum Scope
            {
                [OutboxScope(ShardKey = "OrganizationId")] Organization = 0,
            }

            public enum Category
            {
                [OutboxCategory(Scope.Organization)] MemberUpdate = 0,
            }

            [Replicated(Category.MemberUpdate)]
            public partial class Member
            {
                public long Id { get; set; }

                public Task HandleReplicationAsync(ReplicationContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;

                public static Task HandleDeletionAsync(DeletionContext context, CancellationToken cancellationToken) =>
                    Task.CompletedTask;
            }

            """);
    }

    /// <summary>The configuration this test assembly was built in, which is the one the runtime was built in.</summary>
    private static string Configuration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside MSBuild's environment; a nested build must start from a clean one.
        var inherited = start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase));
        foreach (var name in inherited.ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = Path.Combine(_root, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {CommandTimeout}.");
        }

        output.Append(await standardOutput).Append(await standardError);
        return (process.ExitCode, output.ToString());
    }
}
