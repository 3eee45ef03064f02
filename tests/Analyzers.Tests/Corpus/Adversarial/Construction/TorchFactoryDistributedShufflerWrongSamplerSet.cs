// Scenario: A trainer class builds its train loader with the factory torch.utils.data.DataLoader over a DistributedSampler field and, each epoch, sets the epoch on the eval sampler field instead, so the train order never changes (bug: CMP002).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ddp;

public sealed class DdpTrainer : IDisposable
{
    readonly DistributedSampler _trainSampler;
    readonly DistributedSampler _evalSampler;
    readonly DataLoader _train;
    readonly DataLoader _eval;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly GradientAllReducer _reducer;

    public DdpTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet, nn.Module<Tensor, Tensor> model)
    {
        _trainSampler = new DistributedSampler(trainSet.Count, seed: 99, dropLast: true);
        _evalSampler = new DistributedSampler(evalSet.Count, shuffle: false);
        _train = torch.utils.data.DataLoader(trainSet, 32, _trainSampler, disposeDataset: false);
        _eval = torch.utils.data.DataLoader(evalSet, 128, _evalSampler, disposeDataset: false);
        _model = model;
        _reducer = new GradientAllReducer(model);
    }

    public void Fit(int epochs)
    {
        _reducer.BroadcastParameters();
        var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _evalSampler.SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]).backward();
                _reducer.AverageGradients();
                optimizer.step();
            }

            _model.eval();
            using var loss = zeros(1);
            using (no_grad())
            {
                foreach (var batch in _eval)
                {
                    using var scope = NewDisposeScope();
                    loss.add_(nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]).detach());
                }
            }
            Dist.AllReduce(loss);
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: eval loss sum {loss.item<float>():F3}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
        _reducer.Dispose();
    }
}
