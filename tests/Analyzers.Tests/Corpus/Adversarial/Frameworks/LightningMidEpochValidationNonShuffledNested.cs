// Scenario: a Lightning-style loop with val_check_interval runs validation inside the training iteration over a DistributedSampler(shuffle: false) loader whose epoch is never set; the train sampler's epoch is set each epoch (correct).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedLightning.ValCheck;

public sealed class ValCheckLoop(nn.Module<Tensor, Tensor> model, int valCheckInterval)
{
    public void Fit(InMemoryDataset trainSet, InMemoryDataset valSet, int maxEpochs)
    {
        var trainSampler = new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 12);
        using var train = new EpochDataLoader(trainSet, batchSize: 64, sampler: trainSampler);
        using var val = new EpochDataLoader(valSet, batchSize: 256, sampler: new DistributedSampler(valSet.Count, numReplicas: 1, rank: 0, shuffle: false));
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);

        int globalStep = 0;
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            trainSampler.SetEpoch(epoch);
            foreach (var batch in train)
            {
                model.train();
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();

                if (++globalStep % valCheckInterval != 0) continue;

                model.eval();
                using var noGrad = torch.no_grad();
                double valLoss = 0;
                foreach (var vb in val)
                    valLoss += nn.functional.cross_entropy(model.call(vb["data"]), vb["label"]).item<float>();
                Console.WriteLine($"step {globalStep}: val loss {valLoss / val.Count:F4}");
            }
        }
    }
}
