using System.Text;

namespace FineTune.Kernel.Tests.Support;

/// <summary>
/// Writes small but well-formed ELF64 files with just the sections the GLIBCXX fix reads:
/// .dynstr, .gnu.version_r (versions required from libstdc++.so.6, each strong or weak) and
/// .gnu.version_d (versions the file itself defines, as libstdc++ does).
/// </summary>
static class SampleElf
{
    const uint ShtStrtab = 3, ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe;

    public static byte[] Build(IEnumerable<(string Version, bool Weak)> required, IEnumerable<string>? defined = null)
    {
        var requiredList = required.ToList();
        var definedList = (defined ?? []).ToList();

        var dynstr = new StringTable();
        uint libName = dynstr.Add("libstdc++.so.6");
        var verneed = new BinaryBuilder();
        if (requiredList.Count > 0)
        {
            verneed.U16(1).U16((ushort)requiredList.Count).U32(libName).U32(16).U32(0);
            for (int i = 0; i < requiredList.Count; i++)
            {
                var (version, weak) = requiredList[i];
                bool last = i == requiredList.Count - 1;
                verneed.U32(0).U16((ushort)(weak ? 2 : 0)).U16((ushort)(i + 2)).U32(dynstr.Add(version)).U32(last ? 0u : 16u);
            }
        }
        var verdef = new BinaryBuilder();
        for (int i = 0; i < definedList.Count; i++)
        {
            bool last = i == definedList.Count - 1;
            verdef.U16(1).U16(0).U16((ushort)(i + 1)).U16(1).U32(0).U32(20).U32(last ? 0u : 28u);
            verdef.U32(dynstr.Add(definedList[i])).U32(0);
        }
        var shstrtab = new StringTable();
        var sections = new List<(uint Name, uint Type, byte[] Data, uint Link, uint Info)>
        {
            (shstrtab.Add(".dynstr"), ShtStrtab, dynstr.Bytes(), 0, 0),
            (shstrtab.Add(".gnu.version_r"), ShtGnuVerneed, verneed.Bytes(), 1, requiredList.Count > 0 ? 1u : 0u),
            (shstrtab.Add(".gnu.version_d"), ShtGnuVerdef, verdef.Bytes(), 1, (uint)definedList.Count),
        };
        sections.Add((shstrtab.Add(".shstrtab"), ShtStrtab, shstrtab.Bytes(), 0, 0));

        var body = new BinaryBuilder();
        var offsets = new List<long>();
        foreach (var section in sections)
        {
            offsets.Add(64 + body.Length);
            body.Raw(section.Data).Align(8);
        }
        long sectionTable = 64 + body.Length;

        var file = new BinaryBuilder();
        file.Raw([0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        file.U16(3).U16(62).U32(1).U64(0).U64(0).U64((ulong)sectionTable).U32(0);
        file.U16(64).U16(0).U16(0).U16(64).U16((ushort)(sections.Count + 1)).U16((ushort)sections.Count);
        file.Raw(body.Bytes());
        file.Raw(new byte[64]); // section 0: SHT_NULL
        for (int i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            file.U32(s.Name).U32(s.Type).U64(0).U64(0).U64((ulong)offsets[i]).U64((ulong)s.Data.Length)
                .U32(s.Link).U32(s.Info).U64(8).U64(0);
        }
        return file.Bytes();
    }

    sealed class StringTable
    {
        readonly BinaryBuilder bytes = new BinaryBuilder().Raw([0]);
        public uint Add(string text)
        {
            uint offset = (uint)bytes.Length;
            bytes.Raw(Encoding.ASCII.GetBytes(text)).Raw([0]);
            return offset;
        }
        public byte[] Bytes() => bytes.Bytes();
    }

    sealed class BinaryBuilder
    {
        readonly MemoryStream stream = new();
        public long Length => stream.Length;
        public BinaryBuilder Raw(byte[] data) { stream.Write(data); return this; }
        public BinaryBuilder U16(ushort v) => Raw(BitConverter.GetBytes(v));
        public BinaryBuilder U32(uint v) => Raw(BitConverter.GetBytes(v));
        public BinaryBuilder U64(ulong v) => Raw(BitConverter.GetBytes(v));
        public BinaryBuilder Align(int n) { while (stream.Length % n != 0) stream.WriteByte(0); return this; }
        public byte[] Bytes() => stream.ToArray();
    }
}
