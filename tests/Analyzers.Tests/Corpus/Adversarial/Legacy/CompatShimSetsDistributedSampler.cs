// Scenario: a static "compatibility" utility kept from the TorchSharp DataLoader days sets the epoch on loader.Sampler as a DistributedSampler; the migrated loader takes a BatchSampler over the DistributedSampler, so the shim silently does nothing — wrong (CMP001).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.CompatShim
{
    /// <summary>
    /// Helpers shared by the training jobs. Do not add new callers; see the migration wiki page.
    /// </summary>
    public static class CompatShimDataUtil
    {
        #region Epoch handling (compatibility)

        /// <summary>
        /// Reshuffles the shard for the given epoch. Kept for compatibility with jobs that still pass
        /// the loader the old way (sampler: shard).
        /// </summary>
        [Obsolete("Use the loader's own epoch handling.")]
        public static void ReshuffleShard(EpochDataLoader loader, int nEpoch)
        {
            DistributedSampler shard = loader.Sampler as DistributedSampler;
            if (shard != null)
            {
                shard.SetEpoch(nEpoch); //! CMP001
            }
        }

        #endregion

        #region Data

        public static InMemoryDataset CreateRandomDataset(int nSamples, int nFeatures, int nClasses)
        {
            Dictionary<string, Tensor> columns = new Dictionary<string, Tensor>();
            columns["data"] = torch.randn(nSamples, nFeatures);
            columns["label"] = torch.randint(0, nClasses, new long[] { nSamples }, dtype: ScalarType.Int64);
            return new InMemoryDataset(columns);
        }

        #endregion
    }

    internal static class CompatShimProgram
    {
        private static int Main(string[] args)
        {
            int nEpochs = 12;
            int nBatchSize = 64;
            if (args.Length > 0) nEpochs = Convert.ToInt32(args[0]);
            if (args.Length > 1) nBatchSize = Convert.ToInt32(args[1]);

            InMemoryDataset trainSet = CompatShimDataUtil.CreateRandomDataset(4096, 32, 10);
            int nWorld = Dist.WorldSize;
            int nRank = Dist.Rank;

            // Migrated 2024-03: was new DataLoader(trainSet, nBatchSize, new DistributedSampler(...)).
            EpochDataLoader trainLoader = new EpochDataLoader(trainSet,
                batchSampler: new BatchSampler(new DistributedSampler(trainSet.Count, nWorld, nRank, seed: 21), nBatchSize, dropLast: true));

            TorchSharp.Modules.Sequential model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10));
            optim.Optimizer optimizer = optim.Adam(model.parameters(), 0.001);

            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
#pragma warning disable CS0618
                CompatShimDataUtil.ReshuffleShard(trainLoader, nEpoch);
#pragma warning restore CS0618

                double dLoss = 0.0;
                long nSteps = 0;
                foreach (Dictionary<string, Tensor> batch in trainLoader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                        dLoss += loss.item<float>();
                        nSteps++;
                    }
                }
                if (nRank == 0)
                {
                    Console.WriteLine("epoch " + nEpoch + " mean loss " + (dLoss / Math.Max(1L, nSteps)).ToString("F4"));
                }
            }

            trainLoader.Dispose();
            return 0;
        }
    }
}
