// Scenario: a captioning+VQA mixture resumed from a checkpoint sets both loaders' epochs through an array, but passes the start epoch read before the loop: a bug (CMP004), every resumed epoch replays the start epoch's order.
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.MultiTaskResume;

public sealed record ResumePoint(int Epoch, long Batch);

public sealed class VisionLanguageMixture : IDisposable
{
    private readonly EpochDataLoader _captions;
    private readonly EpochDataLoader _vqa;
    private readonly Action<string, Dictionary<string, Tensor>> _step;

    public VisionLanguageMixture(InMemoryDataset captions, InMemoryDataset vqa, Action<string, Dictionary<string, Tensor>> step)
    {
        _captions = new EpochDataLoader(captions, batchSize: 128, shuffle: true, seed: 2024, workers: 4);
        _vqa = new EpochDataLoader(vqa, batchSize: 64, shuffle: true, seed: 2025, workers: 4);
        _step = step;
    }

    public void Resume(ResumePoint from, int epochs)
    {
        int start = from.Epoch;
        for (int epoch = start; epoch < epochs; epoch++)
        {
            foreach (var loader in new[] { _captions, _vqa }) loader.SetEpoch(start); //! CMP004

            long skip = epoch == start ? from.Batch : 0;
            foreach (var batch in _captions.IterateFrom(skip)) _step("caption", batch);
            foreach (var batch in _vqa) _step("vqa", batch);
        }
    }

    public void Dispose()
    {
        _captions.Dispose();
        _vqa.Dispose();
    }
}
