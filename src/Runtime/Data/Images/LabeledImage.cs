using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>One sample of an <see cref="ImageFolder"/>: the image as a C×H×W float tensor and its class index.</summary>
/// <param name="Data">The image, channels × height × width, float32 (in [0, 1] before transforms); the sample's owner disposes it.</param>
/// <param name="Label">The index of its class in <see cref="ImageFolder.Classes"/>.</param>
public readonly record struct LabeledImage(Tensor Data, long Label);
