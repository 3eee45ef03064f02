using Composer.Build;

namespace Composer.Runtime.Tests.NativeCompat;

/// <summary>The native compatibility step of eng/NativeCompat, on real libraries of this host and of TorchSharp.</summary>
public sealed class NativeCompatStepTests : IDisposable
{
    private const string Version = "GLIBCXX_3.4.32";
    private readonly string _folder = Directory.CreateTempSubdirectory("nativecompat-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string PackagedLibrary()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"TorchSharp's native library is not in the NuGet cache at {path}");
        return path;
    }

    private string CopyToTemp(string path)
    {
        string copy = Path.Combine(_folder, Path.GetFileName(path));
        File.Copy(path, copy, overwrite: true);
        return copy;
    }

    [Fact]
    public void TheOriginalLibraryStronglyRequiresTheVersion_AndThePatchMarksOnlyThatWeak()
    {
        string original = PackagedLibrary();
        string copy = CopyToTemp(original);

        Assert.Equal(PatchOutcome.Weakened, ElfVersionPatcher.WeakenRequirement(copy, Version));

        byte[] before = File.ReadAllBytes(original), after = File.ReadAllBytes(copy);
        Assert.Equal(before.Length, after.Length);
        int changed = Enumerable.Range(0, before.Length).Count(i => before[i] != after[i]);
        Assert.Equal(1, changed); // one flag byte of one Vernaux entry
        Assert.Equal(before, File.ReadAllBytes(original)); // the NuGet cache is never modified
    }

    [Fact]
    public void PatchingTwiceChangesNothingTheSecondTime()
    {
        string copy = CopyToTemp(PackagedLibrary());
        ElfVersionPatcher.WeakenRequirement(copy, Version);
        byte[] once = File.ReadAllBytes(copy);
        DateTime written = File.GetLastWriteTimeUtc(copy);

        Assert.Equal(PatchOutcome.AlreadyWeak, ElfVersionPatcher.WeakenRequirement(copy, Version));
        Assert.Equal(once, File.ReadAllBytes(copy));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public void ALibraryThatAlreadyLoadsIsLeftUntouched()
    {
        // libc10.so ships beside libLibTorchSharp.so and loads on this host as it is.
        string loads = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libc10.so");
        Assert.True(File.Exists(loads), loads);
        string copy = CopyToTemp(loads);
        byte[] before = File.ReadAllBytes(copy);
        DateTime written = File.GetLastWriteTimeUtc(copy);

        Assert.Equal(PatchOutcome.NotRequired, ElfVersionPatcher.WeakenRequirement(copy, Version));
        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public void TheBuildOutputCopyIsPatchedExactlyWhenTheHostLacksTheVersion()
    {
        string host = ElfVersionPatcher.FindHostLibStdCxx() ?? throw new Xunit.Sdk.XunitException("no libstdc++.so.6 on this host");
        Assert.True(ElfVersionPatcher.DefinesVersion(host, "GLIBCXX_3.4.9"), "every libstdc++ since GCC 4.2 defines GLIBCXX_3.4.9");
        bool hostHasIt = ElfVersionPatcher.DefinesVersion(host, Version);

        string output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        string copy = CopyToTemp(output);
        var expected = hostHasIt ? PatchOutcome.Weakened : PatchOutcome.AlreadyWeak;
        Assert.Equal(expected, ElfVersionPatcher.WeakenRequirement(copy, Version));
    }

    [Fact]
    public void AFileThatIsNotElfGetsAClearError()
    {
        string text = Path.Combine(_folder, "libLibTorchSharp.so");
        File.WriteAllText(text, "version https://git-lfs.github.com/spec/v1\n");
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.WeakenRequirement(text, Version));
        Assert.Contains(text, error.Message);
        Assert.Contains("not an ELF file", error.Message);
    }

    [Fact]
    public void A32BitElfIsRejectedByName()
    {
        string elf32 = Path.Combine(_folder, "lib32.so");
        var bytes = new byte[64];
        bytes[0] = 0x7f; bytes[1] = (byte)'E'; bytes[2] = (byte)'L'; bytes[3] = (byte)'F'; bytes[4] = 1; bytes[5] = 1;
        File.WriteAllBytes(elf32, bytes);
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.WeakenRequirement(elf32, Version));
        Assert.Contains("64-bit little-endian", error.Message);
    }
}
