// Scenario: the train loader is built over a DistributedSampler variable whose epoch is set each epoch; an optional evaluation loader is nullable, gets eval?.SetEpoch(epoch), and is iterated only under `if (eval is not null)`; a logging lambda is stored in a local (correct).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace NullableEval;

public static class DdpWithOptionalEval
{
    public static void Fit(InMemoryDataset trainSet, InMemoryDataset? evalSet, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var trainSampler = new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: 21);
        using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: trainSampler, dropLast: true);
        EpochDataLoader? eval = evalSet is null ? null : new EpochDataLoader(evalSet, batchSize: 256);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.02, momentum: 0.9, nesterov: true);
        Action<int, double> log = (e, v) => { if (Dist.Rank == 0) Console.WriteLine($"epoch {e}: {v:F4}"); };

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            trainSampler.SetEpoch(epoch);
            eval?.SetEpoch(epoch);

            model.train();
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            if (eval is not null)
            {
                model.eval();
                using var noGrad = torch.no_grad();
                double sum = 0;
                foreach (var batch in eval)
                    sum += nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).item<float>();
                log(epoch, sum / eval.Count);
            }
        }
        eval?.Dispose();
    }
}
