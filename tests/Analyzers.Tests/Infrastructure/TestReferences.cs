using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Composer.Analyzers.Tests.Infrastructure;

/// <summary>What every test compilation references: .NET 8 reference assemblies, TorchSharp and the runtime.</summary>
public static class TestReferences
{
    /// <summary>
    /// .NET 8 reference assemblies from the NuGet global packages folder, where the test project's
    /// PackageDownload put them at restore time: resolving them never goes to the network.
    /// </summary>
    public static ReferenceAssemblies Net80 { get; } =
        ReferenceAssemblies.Net.Net80.WithNuGetConfigFilePath(WriteOfflineNuGetConfig());

    /// <summary>A NuGet.Config whose only source is the global packages folder (a valid local feed).</summary>
    private static string WriteOfflineNuGetConfig()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(AppContext.BaseDirectory, "offline.nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="global-packages" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    /// <summary>TorchSharp and Composer.Runtime, as a user's project would reference them.</summary>
    public static IReadOnlyList<MetadataReference> Libraries { get; } =
    [
        MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Composer.Runtime.dll")),
    ];
}
