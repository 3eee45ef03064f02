// The native compatibility step for TorchSharp on hosts whose libstdc++ is older than the one
// libLibTorchSharp.so was linked against (Debian 12 ships GLIBCXX_3.4.30; TorchSharp 0.107 asks
// for GLIBCXX_3.4.32 for a single symbol). Marking that version requirement weak (VER_FLG_WEAK)
// in the copy in the build output lets the dynamic loader accept the library; nothing else changes.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory as the task below (see
// NativeCompat.targets), and into the tests with ELF_PATCHER_ONLY defined, which leaves out the task.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
#if !ELF_PATCHER_ONLY
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace Composer.Build
{
    /// <summary>Result of <see cref="ElfVersionPatcher.WeakenRequirement"/> on one file.</summary>
    public enum PatchOutcome
    {
        /// <summary>The file does not require the version at all.</summary>
        NotRequired,
        /// <summary>The requirement was already weak; the file was left untouched.</summary>
        AlreadyWeak,
        /// <summary>The requirement was strong and has been marked weak.</summary>
        Weakened,
    }

    /// <summary>Reads and edits the GNU symbol-versioning sections of 64-bit little-endian ELF files.</summary>
    public static class ElfVersionPatcher
    {
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlgWeak = 0x2;

        /// <summary>True when the shared library <paramref name="path"/> defines symbol version <paramref name="version"/>.</summary>
        public static bool DefinesVersion(string path, string version)
        {
            byte[] elf = File.ReadAllBytes(path);
            foreach (var section in Sections(elf, path, ShtGnuVerdef))
            {
                long entry = section.Offset;
                for (int i = 0; i < section.Info; i++)
                {
                    ushort count = U16(elf, entry + 6);
                    long aux = entry + U32(elf, entry + 12);
                    // The first Verdaux names the version itself; the rest name its parents.
                    if (count > 0 && Str(elf, section.StrOffset, U32(elf, aux)) == version) return true;
                    uint next = U32(elf, entry + 16);
                    if (next == 0) break;
                    entry += next;
                }
            }
            return false;
        }

        /// <summary>
        /// Marks every requirement of <paramref name="version"/> in <paramref name="path"/> weak, rewriting
        /// the file in place only when something changes (so a second run is a no-op).
        /// </summary>
        public static PatchOutcome WeakenRequirement(string path, string version)
        {
            byte[] elf = File.ReadAllBytes(path);
            var outcome = PatchOutcome.NotRequired;
            foreach (var section in Sections(elf, path, ShtGnuVerneed))
            {
                long need = section.Offset;
                for (int i = 0; i < section.Info; i++)
                {
                    ushort count = U16(elf, need + 2);
                    long aux = need + U32(elf, need + 8);
                    for (int j = 0; j < count; j++)
                    {
                        if (Str(elf, section.StrOffset, U32(elf, aux + 8)) == version)
                        {
                            ushort flags = U16(elf, aux + 4);
                            if ((flags & VerFlgWeak) != 0)
                            {
                                if (outcome == PatchOutcome.NotRequired) outcome = PatchOutcome.AlreadyWeak;
                            }
                            else
                            {
                                WriteU16(elf, aux + 4, (ushort)(flags | VerFlgWeak));
                                outcome = PatchOutcome.Weakened;
                            }
                        }
                        uint nextAux = U32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += nextAux;
                    }
                    uint next = U32(elf, need + 12);
                    if (next == 0) break;
                    need += next;
                }
            }
            if (outcome == PatchOutcome.Weakened) WriteAtomically(path, elf);
            return outcome;
        }

        /// <summary>Finds the host's libstdc++.so.6 in the usual library folders, or null.</summary>
        public static string? FindHostLibStdCxx()
        {
            string[] folders =
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            };
            foreach (var folder in folders)
            {
                string candidate = Path.Combine(folder, "libstdc++.so.6");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        private static void WriteAtomically(string path, byte[] bytes)
        {
            // Write beside the target and rename over it: a reader never sees half a library, and a
            // hard link into another folder (never the NuGet cache: the build copies) is not changed.
            string temp = path + ".patching";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path);
            File.Move(temp, path);
        }

        private readonly struct Section
        {
            public Section(long offset, uint info, long strOffset) { Offset = offset; Info = info; StrOffset = strOffset; }
            public long Offset { get; }
            public uint Info { get; }      // number of entries
            public long StrOffset { get; } // file offset of the linked string table
        }

        private static IEnumerable<Section> Sections(byte[] elf, string path, uint type)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException($"'{path}' is not an ELF file.");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException($"'{path}' is an ELF file of a kind this step does not understand (class {elf[4]}, data encoding {elf[5]}; only 64-bit little-endian is supported).");
            long shoff = (long)U64(elf, 40);
            ushort shentsize = U16(elf, 58), shnum = U16(elf, 60);
            if (shentsize != 64 || shoff <= 0 || shoff + (long)shnum * shentsize > elf.Length)
                throw new InvalidDataException($"'{path}' has a section header table this step does not understand (offset {shoff}, {shnum} entries of {shentsize} bytes).");
            var result = new List<Section>();
            for (int i = 0; i < shnum; i++)
            {
                long header = shoff + (long)i * shentsize;
                if (U32(elf, header + 4) != type) continue;
                long offset = (long)U64(elf, header + 24);
                uint link = U32(elf, header + 40), info = U32(elf, header + 44);
                if (link >= shnum) throw new InvalidDataException($"'{path}': version section {i} links to missing section {link}.");
                long strOffset = (long)U64(elf, shoff + (long)link * shentsize + 24);
                result.Add(new Section(offset, info, strOffset));
            }
            return result;
        }

        private static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);
        private static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        private static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
        private static void WriteU16(byte[] b, long o, ushort v) { b[o] = (byte)v; b[o + 1] = (byte)(v >> 8); }

        private static string Str(byte[] b, long table, uint name)
        {
            long start = table + name, end = start;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)start, (int)(end - start));
        }
    }

#if !ELF_PATCHER_ONLY
    /// <summary>
    /// MSBuild task: when the host's libstdc++ lacks <see cref="Version"/>, marks that requirement weak in
    /// every copy of <see cref="LibraryName"/> under <see cref="OutputFolder"/>. Silent when nothing is needed.
    /// </summary>
    public sealed class WeakenMissingGlibcxx : Task
    {
        [Required] public string OutputFolder { get; set; } = "";
        public string LibraryName { get; set; } = "libLibTorchSharp.so";
        public string Version { get; set; } = "GLIBCXX_3.4.32";

        public override bool Execute()
        {
            if (!Directory.Exists(OutputFolder)) return true;
            string[] copies = Directory.GetFiles(OutputFolder, LibraryName, SearchOption.AllDirectories);
            if (copies.Length == 0) return true;
            string? host = ElfVersionPatcher.FindHostLibStdCxx();
            try
            {
                if (host is null || ElfVersionPatcher.DefinesVersion(host, Version)) return true;
                foreach (string copy in copies)
                {
                    if (ElfVersionPatcher.WeakenRequirement(copy, Version) == PatchOutcome.Weakened)
                        Log.LogMessage(MessageImportance.Low, $"Marked {Version} weak in {copy} (host libstdc++ '{host}' lacks it).");
                }
                return true;
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"TorchSharp native compatibility step: {e.Message}");
                return false;
            }
        }
    }
#endif
}
