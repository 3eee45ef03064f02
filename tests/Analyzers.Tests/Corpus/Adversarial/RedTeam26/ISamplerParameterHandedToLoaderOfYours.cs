// Scenario: a reusable fit routine takes the order as a parameter typed as the runtime's ISampler and builds the user's loader from it (`new ClipLoader(clips, order)`); the caller is in another file, and the loop sets no epoch. Right as far as the pages can tell: an ISampler argument is judged by "its values … in view", and a parameter's are not; "a sampler parameter typed ISampler or IBatchSampler" is listed under Not flagged. No diagnostic.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.SamplerParameter;

public sealed class ClipLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _clips;

    public ClipLoader(InMemoryDataset clips, ISampler sampler)
    {
        _clips = clips;
        Sampler = sampler;
    }

    public ISampler Sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in Sampler.Chunk(4)) yield return _clips.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class VideoFit
{
    /// <summary>The caller decides the order; an evaluation run passes a SequentialSampler.</summary>
    public static float Fit(InMemoryDataset clips, ISampler order, torch.nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = torch.optim.SGD(model.parameters(), 0.05);
        var loader = new ClipLoader(clips, order);
        float last = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = model.forward(batch["frames"]).mean();
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
            }
        }
        return last;
    }
}
