// Scenario: a long legacy method (resume offset, bFirstBatch flag) moved the shard's SetEpoch into the batch loop "so it runs right before the data is used"; the shard feeds the loader's batch sampler, so the epoch arrives one epoch late — wrong (CMP005).
#nullable disable
using System;
using System.Collections.Generic;
using System.Globalization;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.FirstBatchFlag
{
    public static class FirstBatchFlagJob
    {
        private const int BATCH_SIZE = 64;
        private const int NUM_FEATURES = 30;

        public static void Run(Dictionary<string, string> config)
        {
            int nMaxEpochs = int.Parse(config["epochs"], CultureInfo.InvariantCulture);
            long nResumeBatch = config.ContainsKey("resume_batch") ? long.Parse(config["resume_batch"], CultureInfo.InvariantCulture) : 0L;
            int nStartEpoch = config.ContainsKey("resume_epoch") ? int.Parse(config["resume_epoch"], CultureInfo.InvariantCulture) : 0;

            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(8192, NUM_FEATURES);
            cols["label"] = torch.randint(0, 10, new long[] { 8192 }, dtype: ScalarType.Int64);
            InMemoryDataset data = new InMemoryDataset(cols);

            DistributedSampler shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 11);
            EpochDataLoader loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, BATCH_SIZE));

            TorchSharp.Modules.Sequential model = nn.Sequential(nn.Linear(NUM_FEATURES, 64), nn.ReLU(), nn.Linear(64, 10));
            optim.Optimizer optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

            for (int nEpoch = nStartEpoch; nEpoch < nMaxEpochs; nEpoch++)
            {
                bool bFirstBatch = true;
                double dRunning = 0.0;
                long nStep = nResumeBatch;

                foreach (Dictionary<string, Tensor> batch in loader.IterateFrom(nResumeBatch))
                {
                    if (bFirstBatch)
                    {
                        // reshuffle this rank's shard for the new epoch
                        shard.SetEpoch(nEpoch); //! CMP005
                        bFirstBatch = false;
                    }

                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        Tensor logits = model.forward(batch["data"]);
                        Tensor loss = nn.functional.cross_entropy(logits, batch["label"]);
                        loss.backward();
                        optimizer.step();
                        dRunning = 0.9 * dRunning + 0.1 * loss.item<float>();
                    }

                    nStep++;
                    if (nStep % 50 == 0 && Dist.Rank == 0)
                    {
                        Console.WriteLine("epoch {0} step {1} loss(ema) {2:F4}", nEpoch, nStep, dRunning);
                    }
                }

                // only the first epoch after a resume starts in the middle
                nResumeBatch = 0;
            }

            loader.Dispose();
        }
    }

    internal static class FirstBatchFlagProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, string> config = new Dictionary<string, string>();
            config["epochs"] = "5";
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                config[args[i].TrimStart('-')] = args[i + 1];
            }
            FirstBatchFlagJob.Run(config);
        }
    }
}
