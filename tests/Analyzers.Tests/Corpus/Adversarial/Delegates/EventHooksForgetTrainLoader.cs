// Scenario: a metric-learning trainer raises an EpochStarted event; its hook registration method subscribes the augmentation schedule and the probe loader's SetEpoch but forgets the P×K train loader, which replays epoch 0 (wrong for _train; _probe is fine).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind11.EventHooksForgetTrainLoader;

public sealed class NoiseSchedule
{
    public float Std { get; private set; } = 0.1f;
    public void SetEpoch(int epoch) => Std = 0.1f * MathF.Pow(0.9f, epoch);
}

public sealed class PkTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _probe;
    private readonly NoiseSchedule _noise = new();
    private readonly Sequential _model = nn.Sequential(nn.Linear(48, 128), nn.ReLU(), nn.Linear(128, 20));

    public event Action<int>? EpochStarted;

    public PkTrainer(InMemoryDataset data, IReadOnlyList<long> labels)
    {
        _train = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 5));
        _probe = new EpochDataLoader(data, batchSize: 256, sampler: new RandomSampler(data.Count, seed: 6));
    }

    private void RegisterHooks()
    {
        EpochStarted += _noise.SetEpoch;
        EpochStarted += _probe.SetEpoch;
    }

    public void Fit(int epochs)
    {
        RegisterHooks();
        var optimizer = optim.Adam(_model.parameters(), lr: 3e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarted?.Invoke(epoch);
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var x = batch["data"] + _noise.Std * randn_like(batch["data"]);
                var loss = nn.functional.cross_entropy(_model.forward(x), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            _model.eval();
            using (no_grad())
            {
                var probe = _probe.First();
                var acc = _model.forward(probe["data"]).argmax(1).eq(probe["label"]).to_type(ScalarType.Float32).mean().item<float>();
                Console.WriteLine($"epoch {epoch}: probe accuracy {acc:F3}");
            }
        }
    }
}
