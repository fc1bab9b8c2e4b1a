using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>
/// The UVR MDX-Net models the `mdx` engine knows, keyed by model id. Files, sizes and SHA-256 as published in UVR's
/// release (TRvlvr/model_repo, all_public_uvr_models); n_fft, dim_f, dim_t and compensation from UVR's model data
/// (TRvlvr/application_data, mdx_model_data), where the hop is always 1024 and dim_t 8 means 2^8 frames.
/// No licence file ships with the weights; UVR's README asks users of its models to credit UVR under its MIT licence.
/// </summary>
public static class MdxModels
{
    public const string Engine = "mdx";
    public const string DefaultId = "UVR-MDX-NET-Voc_FT";
    private const string Release = "https://github.com/TRvlvr/model_repo/releases/download/all_public_uvr_models/";
    private const string Licence = "MIT (UVR; no licence file with the weights, credit UVR and its developers)";

    public static IReadOnlyList<MdxModel> All { get; } =
    [
        Vocal("UVR-MDX-NET-Voc_FT", "534b2070fcc7df514b13ef660dc8cbb328679c2374d04354a5c42bb14ecce111", 66_762_490,
            new MdxLayout(7680, 1024, 3072, 256, 1.021), "vocal MDX-Net model fine-tuned by UVR: dialogue and singing out of music and effects"),
        Vocal("Kim_Vocal_2", "ce74ef3b6a6024ce44211a07be9cf8bc6d87728cc852a68ab34eb8e58cde9c8b", 66_759_214,
            new MdxLayout(7680, 1024, 3072, 256, 1.009), "vocal MDX-Net model by Kimberley Jensen (UVR release): voice out of music and effects"),
        new(Entry("UVR-MDX-NET-Inst_HQ_3", "317554b07fe1ea5279a77f2b1520a41ea4b93432560c4ffd08792c30fddf9adc", 66_759_214,
                "instrumental MDX-Net model by UVR: music and effects out of the voice (keeps the background's top octave)"),
            new MdxLayout(6144, 1024, 3072, 256, 1.022), OutputIsVocals: false),
    ];

    /// <summary>The model of that id, or of that file name (UVR-MDX-NET-Voc_FT.onnx), or null.</summary>
    public static MdxModel? Find(string idOrFileName) =>
        All.FirstOrDefault(m => string.Equals(m.Id, idOrFileName, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(m.Entry.FileName, idOrFileName, StringComparison.OrdinalIgnoreCase));

    private static MdxModel Vocal(string id, string sha256, long size, MdxLayout layout, string purpose) =>
        new(Entry(id, sha256, size, purpose), layout, OutputIsVocals: true);

    private static ModelEntry Entry(string id, string sha256, long size, string purpose) =>
        new(id, Engine, id + ".onnx", Release + id + ".onnx", sha256, size, Licence, purpose);
}
