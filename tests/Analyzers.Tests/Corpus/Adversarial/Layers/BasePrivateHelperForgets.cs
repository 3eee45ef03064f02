// Scenario: a metric-learning base class builds a P×K Train loader and a sequential Probe loader; its protected BeginEpoch -> private RefreshMiner -> private ResetProbe sets only the Probe's epoch, and the derived trainer iterates Train every epoch — wrong, CMP002 on the Train iteration
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.BasePrivateHelperForgets;

public abstract class MetricLearnerBase
{
    private float _margin = 0.2f;

    protected MetricLearnerBase(InMemoryDataset data, IReadOnlyList<long> labels, InMemoryDataset probe)
    {
        Train = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 32, samplesPerClass: 4, seed: 5));
        Probe = new EpochDataLoader(probe, batchSize: 256);
    }

    protected EpochDataLoader Train { get; }
    protected EpochDataLoader Probe { get; }
    protected float Margin => _margin;

    protected void BeginEpoch(int epoch) => RefreshMiner(epoch);

    private void RefreshMiner(int epoch)
    {
        _margin = Math.Min(0.5f, 0.2f + 0.01f * epoch);
        ResetProbe(epoch);
    }

    private void ResetProbe(int epoch) => Probe.SetEpoch(epoch);
}

public sealed class TripletTrainer(InMemoryDataset data, IReadOnlyList<long> labels, InMemoryDataset probe, nn.Module<Tensor, Tensor> net)
    : MetricLearnerBase(data, labels, probe)
{
    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(net.parameters(), lr: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            foreach (var batch in Train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = nn.functional.normalize(net.forward(batch["data"]), p: 2, dim: 1);
                var distances = cdist(z, z);
                var loss = nn.functional.relu(Margin - distances).mean();
                loss.backward();
                optimizer.step();
            }
            long probed = 0;
            foreach (var batch in Probe) probed += batch["data"].shape[0];
            Console.WriteLine($"epoch {epoch}: probed {probed}");
        }
    }
}
