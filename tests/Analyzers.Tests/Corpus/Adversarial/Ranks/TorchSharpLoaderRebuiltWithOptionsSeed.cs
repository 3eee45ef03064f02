// Scenario: trainer rebuilds its TorchSharp DataLoader at every epoch with seed: _options.Seed + _options.Rank, a seed that does not change across epochs — same order every epoch, wrong (CMP003)
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Vision.Ddp;

public sealed record DdpOptions(int Rank, int WorldSize, int Seed, int BatchSize, int Epochs);

public sealed class ShardTrainer
{
    private readonly DdpOptions _options;
    private readonly torch.utils.data.Dataset _shard;
    private readonly nn.Module<Tensor, Tensor> _model;

    public ShardTrainer(DdpOptions options, torch.utils.data.Dataset shard, nn.Module<Tensor, Tensor> model)
    {
        _options = options;
        _shard = shard;
        _model = model;
    }

    private bool IsMain => _options.Rank == 0;

    public void Run()
    {
        using var reducer = new GradientAllReducer(_model);
        reducer.BroadcastParameters();
        var opt = optim.SGD(_model.parameters(), 0.05, momentum: 0.9, nesterov: true);
        var criterion = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            // fresh loader per epoch so the workers pick up the new shard files
            using var loader = new DataLoader(_shard, _options.BatchSize, shuffle: true, seed: _options.Seed + _options.Rank); //! CMP003

            _model.train();
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                criterion.forward(_model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
                steps++;
            }

            Dist.Barrier();
            if (IsMain) Console.WriteLine($"epoch {epoch}: {steps} steps on rank 0");
        }
    }
}
