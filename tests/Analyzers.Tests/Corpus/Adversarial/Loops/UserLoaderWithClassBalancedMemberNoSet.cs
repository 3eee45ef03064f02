// Scenario: a user P×K loader type declares its BatchSampler member as ClassBalancedBatchSampler (epoch-dependent) and the trainer iterates a field of that type every epoch without setting any epoch: bug.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.MetricLearning;

public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public PkLoader(InMemoryDataset data, IReadOnlyList<long> labels, int p, int k, int seed)
    {
        Data = data;
        BatchSampler = new ClassBalancedBatchSampler(labels, p, k, seed);
    }

    public InMemoryDataset Data { get; }
    public ClassBalancedBatchSampler BatchSampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in BatchSampler)
            yield return Data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TripletTrainer(PkLoader loader, nn.Module<Tensor, Tensor> embedder)
{
    private readonly PkLoader _loader = loader;
    private readonly nn.Module<Tensor, Tensor> _embedder = embedder;

    public void Fit(int epochs, float margin = 0.3f)
    {
        var optimizer = optim.Adam(_embedder.parameters(), lr: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _loader) //! CMP002
            {
                optimizer.zero_grad();
                using var emb = nn.functional.normalize(_embedder.forward(batch["data"]), dim: 1);
                using var d = torch.cdist(emb, emb);
                using var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0));
                using var pos = d.masked_fill(same.logical_not(), 0).amax(new long[] { 1 });
                using var neg = d.masked_fill(same, 1e4).amin(new long[] { 1 });
                using var loss = nn.functional.relu(pos - neg + margin).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
