// Scenario: TorchSharp DataLoader and DataLoader<T,S> built with a DistributedSampler as their shuffler; the loop sets the epoch through their `sampler` member (TorchSharp has no batch sampler, so this is the right call): correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Speech.Ddp;

public sealed record Utterance(float[] Features, long Speaker);

public sealed class UtteranceSet(IReadOnlyList<Utterance> items) : torch.utils.data.Dataset<Utterance>
{
    public override long Count => items.Count;
    public override Utterance GetTensor(long index) => items[(int)index];
}

public sealed class SpeakerTrainer
{
    static (Tensor X, Tensor Y) Collate(IEnumerable<Utterance> batch, Device device)
    {
        var list = batch.ToList();
        var x = stack(list.Select(u => tensor(u.Features)).ToArray()).to(device);
        var y = tensor(list.Select(u => u.Speaker).ToArray()).to(device);
        return (x, y);
    }

    public void Fit(InMemoryDataset frames, IReadOnlyList<Utterance> utterances, int epochs)
    {
        var frameLoader = new DataLoader(frames, 128, new DistributedSampler(frames.Count, Dist.WorldSize, Dist.Rank, seed: 4));
        var uttLoader = new DataLoader<Utterance, (Tensor X, Tensor Y)>(new UtteranceSet(utterances), 16, Collate,
            new DistributedSampler(utterances.Count, Dist.WorldSize, Dist.Rank, seed: 4));

        var frameNet = nn.Sequential(("fc", nn.Linear(40, 256)), ("act", nn.ReLU()), ("out", nn.Linear(256, 48)));
        var uttNet = nn.Sequential(("fc", nn.Linear(40, 128)), ("act", nn.ReLU()), ("out", nn.Linear(128, 500)));
        var opt = optim.Adam(frameNet.parameters().Concat(uttNet.parameters()), lr: 2e-4);
        using var reducer = new GradientAllReducer(nn.ModuleList(frameNet, uttNet));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (frameLoader.sampler is IEpochAware aware) aware.SetEpoch(epoch);
            (uttLoader.sampler as DistributedSampler)?.SetEpoch(epoch);

            foreach (var batch in frameLoader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(frameNet.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
            }
            foreach (var (x, y) in uttLoader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(uttNet.forward(x), y).backward();
                reducer.AverageGradients();
                opt.step();
            }
        }
    }
}
