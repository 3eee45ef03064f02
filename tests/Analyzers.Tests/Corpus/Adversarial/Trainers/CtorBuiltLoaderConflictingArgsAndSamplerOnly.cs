// Scenario: a trainer's constructor passes batchSize: 32 together with a ClassBalancedBatchSampler (the runtime rejects it), and its epoch loop sets loader.Sampler only: two bugs.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MetricLearning.Misconfigured;

public sealed class PkTrainer : IDisposable
{
    readonly EpochDataLoader _loader;
    readonly nn.Module<Tensor, Tensor> _net;
    readonly optim.Optimizer _optimizer;

    public PkTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> net)
    {
        var labels = data.Columns["label"].data<long>().ToArray();
        _loader = new EpochDataLoader(data, batchSize: 32, batchSampler: new ClassBalancedBatchSampler(labels, 8, 4)); //! CMP006
        _net = net;
        _optimizer = optim.Adam(net.parameters(), lr: 1e-4);
    }

    public void Train(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var sampler = (_loader.Sampler as IEpochAware);
            if (sampler != null)
                sampler.SetEpoch(epoch); //! CMP001

            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                var emb = nn.functional.normalize(_net.forward(batch["data"]), dim: 1);
                var sim = emb.matmul(emb.t());
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1));
                var loss = nn.functional.relu(sim.masked_select(same.logical_not()) - 0.5).mean() - sim.masked_select(same).mean();
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }

    public void Dispose() => _loader.Dispose();
}
