// This file is compiled twice: into FineTune.Kernel (runtime fix, FINETUNE_KERNEL defined) and,
// by Directory.Build.targets, into an inline MSBuild task that fixes build outputs.
// Keep it free of dependencies beyond the base class library and MSBuild's own.
#nullable enable
using System;
using System.IO;
using System.Text;

namespace FineTune.Kernel.Runtime
{
    /// <summary>
    /// TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13 and names the symbol version
    /// GLIBCXX_3.4.32, which Debian 12 / Ubuntu 22.04 libstdc++ (GCC 12) lacks, so the dynamic
    /// loader refuses it. Its only symbol of that version, std::ios_base_library_init(), is never
    /// bound, so marking the requirement weak (VER_FLG_WEAK in .gnu.version_r) is safe: the loader
    /// then tolerates the missing version. Two bytes of the file change; nothing moves.
    /// </summary>
    internal static class GlibcxxRequirement
    {
        public const string Version = "GLIBCXX_3.4.32";
        const uint ShtGnuVerdef = 0x6ffffffd;
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlagWeak = 0x2;

        public enum State { Absent, Strong, Weak }

        /// <summary>How <paramref name="elf"/> requires <paramref name="version"/> of any library.</summary>
        public static State ReadRequirement(byte[] elf, string version)
        {
            long flagsOffset = FindRequirementFlags(elf, version);
            if (flagsOffset < 0) return State.Absent;
            return (U16(elf, flagsOffset) & VerFlagWeak) != 0 ? State.Weak : State.Strong;
        }

        /// <summary>True when the library <paramref name="elf"/> defines the symbol version <paramref name="version"/>.</summary>
        public static bool DefinesVersion(byte[] elf, string version)
        {
            foreach (var section in Sections(elf, ShtGnuVerdef))
            {
                long entry = section.Offset;
                for (uint i = 0; i < section.Info; i++)
                {
                    long aux = entry + U32(elf, entry + 12);
                    if (Name(elf, section.StringTable, U32(elf, aux)) == version) return true;
                    uint next = U32(elf, entry + 16);
                    if (next == 0) break;
                    entry += next;
                }
            }
            return false;
        }

        /// <summary>
        /// True when a library that requires GLIBCXX_3.4.32 strongly would fail to load against the
        /// given system libstdc++ (null: the one this process uses).
        /// </summary>
        public static bool SystemLacksVersion(string? libstdcxxPath = null)
        {
            libstdcxxPath ??= FindLoadedLibStdCxx();
            if (libstdcxxPath is null || !File.Exists(libstdcxxPath)) return false;
            return !DefinesVersion(File.ReadAllBytes(libstdcxxPath), Version);
        }

        /// <summary>Marks the requirement weak in the file at <paramref name="path"/>; true when the file changed.</summary>
        public static bool MakeWeak(string path)
        {
            byte[] elf = File.ReadAllBytes(path);
            long flagsOffset = FindRequirementFlags(elf, Version);
            if (flagsOffset < 0 || (U16(elf, flagsOffset) & VerFlagWeak) != 0) return false;
            ushort flags = (ushort)(U16(elf, flagsOffset) | VerFlagWeak);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.Position = flagsOffset;
            file.Write(new[] { (byte)flags, (byte)(flags >> 8) }, 0, 2);
            return true;
        }

        /// <summary>The file the dynamic loader loaded for libstdc++ in this process, if any (Linux only).</summary>
        public static string? FindLoadedLibStdCxx()
        {
            const string maps = "/proc/self/maps";
            if (!File.Exists(maps)) return null;
            foreach (var line in File.ReadLines(maps))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && line.IndexOf("libstdc++.so", slash, StringComparison.Ordinal) >= 0)
                    return line.Substring(slash).Trim();
            }
            return null;
        }

        // Offset of vna_flags of the Vernaux entry naming `version`, or -1.
        static long FindRequirementFlags(byte[] elf, string version)
        {
            foreach (var section in Sections(elf, ShtGnuVerneed))
            {
                long need = section.Offset;
                for (uint i = 0; i < section.Info; i++)
                {
                    ushort count = U16(elf, need + 2);
                    long aux = need + U32(elf, need + 8);
                    for (int j = 0; j < count; j++)
                    {
                        if (Name(elf, section.StringTable, U32(elf, aux + 8)) == version) return aux + 4;
                        uint nextAux = U32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += nextAux;
                    }
                    uint next = U32(elf, need + 12);
                    if (next == 0) break;
                    need += next;
                }
            }
            return -1;
        }

        struct Section
        {
            public long Offset;
            public uint Info;
            public long StringTable;
        }

        static System.Collections.Generic.List<Section> Sections(byte[] elf, uint type)
        {
            var found = new System.Collections.Generic.List<Section>();
            bool isElf64LittleEndian = elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E'
                && elf[2] == (byte)'L' && elf[3] == (byte)'F' && elf[4] == 2 && elf[5] == 1;
            if (!isElf64LittleEndian) return found;
            long table = (long)U64(elf, 0x28);
            ushort entrySize = U16(elf, 0x3A), count = U16(elf, 0x3C);
            for (int i = 0; i < count; i++)
            {
                long header = table + (long)i * entrySize;
                if (header + 64 > elf.Length || U32(elf, header + 4) != type) continue;
                long link = table + (long)U32(elf, header + 40) * entrySize;
                found.Add(new Section
                {
                    Offset = (long)U64(elf, header + 24),
                    Info = U32(elf, header + 44),
                    StringTable = (long)U64(elf, link + 24),
                });
            }
            return found;
        }

        static string Name(byte[] elf, long stringTable, uint offset)
        {
            long start = stringTable + offset, end = start;
            while (end < elf.Length && elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
        }

        static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);
        static uint U32(byte[] b, long at) => (uint)(U16(b, at) | U16(b, at + 2) << 16);
        static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;
    }

#if !FINETUNE_KERNEL
    /// <summary>MSBuild task: marks GLIBCXX_3.4.32 weak in every given native library, where the system needs it.</summary>
    public class WeakenGlibcxxRequirement : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        public override bool Execute()
        {
            if (Libraries.Length == 0 || !GlibcxxRequirement.SystemLacksVersion()) return true;
            foreach (var library in Libraries)
            {
                if (GlibcxxRequirement.MakeWeak(library.ItemSpec))
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                        "Marked " + GlibcxxRequirement.Version + " weak in " + library.ItemSpec);
            }
            return true;
        }
    }
#endif
}
