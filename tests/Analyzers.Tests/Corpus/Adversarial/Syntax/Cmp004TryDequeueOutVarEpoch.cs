// Scenario: an elastic worker takes epoch numbers from a coordinator queue with `while (queue.TryDequeue(out var epoch))` and sets each before iterating; correct, no diagnostic.
using System.Collections.Concurrent;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004TryDequeueOutVarEpoch;

public sealed class ElasticWorker(ConcurrentQueue<int> assignedEpochs)
{
    public void Run(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: 99));
        var opt = optim.Adam(model.parameters());
        while (assignedEpochs.TryDequeue(out var epoch))
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
