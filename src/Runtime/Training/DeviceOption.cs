using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>Turns the <c>Device</c> option into a torch device.</summary>
internal static class DeviceOption
{
    /// <summary><c>"auto"</c> → CUDA when available, else CPU; <c>"cpu"</c>; <c>"cuda"</c> / <c>"cuda:N"</c> when available.</summary>
    public static Device Resolve(string? text, string parameterName)
    {
        string name = text?.Trim().ToLowerInvariant() ?? "";
        if (name == "auto")
        {
            return cuda.is_available() ? CUDA : CPU;
        }

        if (name == "cpu")
        {
            return CPU;
        }

        if (name == "cuda" || (name.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(name[5..], out int index) && index >= 0))
        {
            if (!cuda.is_available())
            {
                throw new ArgumentException($"Device '{text}' is not available: torch.cuda.is_available() is false (reference a CUDA backend package such as TorchSharp-cuda-linux).", parameterName);
            }

            return device(name);
        }

        throw new ArgumentException($"Device '{text}' is not one of \"auto\", \"cpu\", \"cuda\", \"cuda:N\".", parameterName);
    }
}
