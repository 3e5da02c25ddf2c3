using FineTune.Kernel.Tests.Support;
using System.Buffers.Binary;
using System.Text;
using FineTune.Kernel.Models;
using static TorchSharp.torch;

namespace FineTune.Kernel.Tests.Models;

public class SafetensorsTests
{
    /// <summary>Writes a file from a raw header (and a data area of <paramref name="dataBytes"/> bytes), as a hostile or broken writer might.</summary>
    static string Raw(TempFolder folder, string header, int dataBytes, ulong? declaredLength = null)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        return RawBytes(folder, json, dataBytes, declaredLength);
    }

    static string RawBytes(TempFolder folder, byte[] header, int dataBytes, ulong? declaredLength = null)
    {
        var bytes = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength ?? (ulong)header.Length);
        header.CopyTo(bytes, 8);
        string path = folder.File("broken.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static SafetensorsException Refused(string path)
    {
        var error = Assert.Throws<SafetensorsException>(() => SafetensorsFile.Open(path).Dispose());
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void Every_supported_dtype_round_trips_bit_for_bit_with_its_metadata()
    {
        using var folder = new TempFolder();
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = randn(3, 4),
            ["f16"] = randn(5).to(ScalarType.Float16),
            ["bf16"] = randn(2, 3).to(ScalarType.BFloat16),
            ["f64"] = randn(2, 2, 2).to(ScalarType.Float64),
            ["i64"] = tensor(new long[] { long.MinValue, -1, 0, long.MaxValue }),
            ["i32"] = tensor(new[] { int.MinValue, 7 }),
            ["i16"] = tensor(new short[] { -3, 300 }),
            ["i8"] = tensor(new sbyte[] { -128, 127 }),
            ["u8"] = tensor(new byte[] { 0, 255 }),
            ["bool"] = tensor(new[] { true, false, true }),
            ["scalar"] = tensor(3.5f),
            ["empty"] = zeros(0, 4),
        };
        string path = folder.File("all.safetensors");

        SafetensorsFile.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcode" });

        using var file = SafetensorsFile.Open(path);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal("ünïcode", file.Metadata["note"]);
        foreach (var (name, expected) in tensors)
        {
            var read = file.ReadTensor(name);
            Assert.Equal(expected.dtype, read.dtype);
            Assert.Equal(expected.shape, read.shape);
            Assert.Equal(expected.bytes.ToArray(), read.bytes.ToArray());
        }
    }

    [Fact]
    public void The_writer_aligns_data_to_8_bytes_and_orders_tensors_by_dtype_size_then_name()
    {
        using var folder = new TempFolder();
        using var scope = NewDisposeScope();
        string path = folder.File("ordered.safetensors");

        SafetensorsFile.Write(path, new Dictionary<string, Tensor>
        {
            ["b_small"] = zeros(3, ScalarType.Int8), ["z_big"] = zeros(2, ScalarType.Int64),
            ["a_big"] = zeros(1, ScalarType.Float64), ["mid"] = zeros(2, ScalarType.BFloat16),
        });

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(File.ReadAllBytes(path));
        Assert.Equal(0ul, headerLength % 8);
        using var file = SafetensorsFile.Open(path);
        Assert.Equal(["a_big", "z_big", "mid", "b_small"], file.Entries.Select(e => e.Name));
    }

    [Fact]
    public void A_tensor_larger_than_one_read_slice_is_read_and_written_in_slices()
    {
        using var folder = new TempFolder();
        using var scope = NewDisposeScope();
        var big = randn(1000, 3);
        string path = folder.File("sliced.safetensors");
        SafetensorsWriter.Write(path, [new TensorToWrite("big", big.shape, big.dtype, () => big.alias())], null, chunkBytes: 28);

        using var file = SafetensorsFile.Open(path);
        file.ChunkBytes = 36;

        Assert.True(file.ReadTensor("big").equal(big).all().item<bool>());
    }

    [Fact]
    public void A_tensor_whose_dtype_TorchSharp_lacks_is_listed_but_refused_on_read_naming_it()
    {
        using var folder = new TempFolder();
        string path = Raw(folder, """{"w":{"dtype":"U16","shape":[2],"data_offsets":[0,4]}}""", 4);

        using var file = SafetensorsFile.Open(path);
        var error = Assert.Throws<SafetensorsException>(() => file.ReadTensor("w"));

        Assert.Equal("w", error.TensorName);
        Assert.Contains("U16", error.Message);
    }

    [Fact]
    public void A_file_shorter_than_the_length_prefix_is_refused()
    {
        using var folder = new TempFolder();
        string path = folder.File("tiny.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        Assert.Contains("8-byte", Refused(path).Message);
    }

    [Fact]
    public void A_header_longer_than_100_MB_is_refused()
    {
        using var folder = new TempFolder();
        string path = Raw(folder, "{}", 0, declaredLength: 100_000_001);

        Assert.Contains("limit", Refused(path).Message);
    }

    [Fact]
    public void A_header_length_beyond_the_end_of_the_file_is_refused()
    {
        using var folder = new TempFolder();
        string path = Raw(folder, "{}", 0, declaredLength: 50);

        Assert.Contains("only 2 bytes", Refused(path).Message);
    }

    [Fact]
    public void A_header_that_is_not_UTF8_is_refused()
    {
        using var folder = new TempFolder();
        string path = RawBytes(folder, [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], 0);

        Assert.Contains("UTF-8", Refused(path).Message);
    }

    [Theory]
    [InlineData("[1, 2]", "starting with '{'")]
    [InlineData("{\"w\": {\"dtype\": \"F32\"", "not valid JSON")]
    public void A_header_that_is_not_a_JSON_object_is_refused(string header, string expected)
    {
        using var folder = new TempFolder();

        Assert.Contains(expected, Refused(Raw(folder, header, 0)).Message);
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}}""", "unknown dtype 'Q4'")]
    [InlineData("""{"w":{"shape":[1],"data_offsets":[0,4]}}""", "'dtype'")]
    [InlineData("""{"w":{"dtype":"F32","data_offsets":[0,4]}}""", "'shape'")]
    [InlineData("""{"w":{"dtype":"F32","shape":[1]}}""", "'data_offsets'")]
    [InlineData("""{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", "non-negative")]
    [InlineData("""{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}}""", "2 numbers")]
    [InlineData("""{"w":[1,2]}""", "expected an object")]
    public void A_tensor_entry_that_breaks_the_schema_is_refused_naming_the_tensor(string header, string expected)
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, header, 4));

        Assert.Equal("w", error.TensorName);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_name_listed_twice_is_refused()
    {
        using var folder = new TempFolder();
        string header = """{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""";

        var error = Refused(Raw(folder, header, 8));

        Assert.Equal("w", error.TensorName);
        Assert.Contains("twice", error.Message);
    }

    [Fact]
    public void Metadata_that_is_not_a_string_map_is_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"__metadata__":{"format":1}}""", 0));

        Assert.Contains("not a string", error.Message);
    }

    [Fact]
    public void Offsets_that_disagree_with_shape_times_dtype_size_are_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}""", 20));

        Assert.Equal("w", error.TensorName);
        Assert.Contains("needs 24", error.Message);
    }

    [Fact]
    public void A_shape_whose_byte_count_overflows_is_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"w":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", 8));

        Assert.Contains("overflows", error.Message);
    }

    [Fact]
    public void A_sub_byte_dtype_that_does_not_fill_whole_bytes_is_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"w":{"dtype":"F4","shape":[3],"data_offsets":[0,2]}}""", 2));

        Assert.Contains("whole number of bytes", error.Message);
    }

    [Fact]
    public void Offsets_that_end_before_they_begin_are_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"w":{"dtype":"U8","shape":[0],"data_offsets":[4,0]}}""", 4));

        Assert.Contains("end before they begin", error.Message);
    }

    [Fact]
    public void A_hole_between_tensors_is_refused_naming_the_tensor_after_it()
    {
        using var folder = new TempFolder();
        string header = """{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""";

        var error = Refused(Raw(folder, header, 12));

        Assert.Equal("b", error.TensorName);
        Assert.Contains("hole", error.Message);
    }

    [Fact]
    public void Overlapping_tensors_are_refused()
    {
        using var folder = new TempFolder();
        string header = """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""";

        var error = Refused(Raw(folder, header, 8));

        Assert.Equal("b", error.TensorName);
        Assert.Contains("overlap", error.Message);
    }

    [Fact]
    public void Bytes_after_the_last_tensor_are_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 9));

        Assert.Contains("5 unindexed bytes", error.Message);
    }

    [Fact]
    public void Offsets_beyond_the_end_of_the_file_are_refused()
    {
        using var folder = new TempFolder();

        var error = Refused(Raw(folder, """{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 10));

        Assert.Equal("w", error.TensorName);
        Assert.Contains("only 10", error.Message);
    }

    [Fact]
    public void Header_padding_with_spaces_empty_tensors_and_scalars_are_accepted()
    {
        using var folder = new TempFolder();
        string header = """{"s":{"dtype":"F32","shape":[],"data_offsets":[0,4]},"e":{"dtype":"F32","shape":[0,3],"data_offsets":[4,4]}}      """;

        using var file = SafetensorsFile.Open(Raw(folder, header, 4));

        Assert.Equal(1, file["s"].ElementCount);
        Assert.Equal(0, file["e"].ByteLength);
    }
}
