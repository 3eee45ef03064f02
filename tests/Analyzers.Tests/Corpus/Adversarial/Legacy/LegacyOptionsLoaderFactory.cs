// Scenario: a static loader factory translating the old DataLoader options carries shuffle: true over next to a DistributedSampler, and the DEFAULT_BATCH const over next to a P×K batch sampler; EpochDataLoader rejects both at construction — wrong (CMP006 on each creation).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.OptionsFactory
{
    public enum OptionsFactoryMode
    {
        Classification = 0,
        MetricLearning = 1,
        Evaluation = 2,
    }

    /// <summary>Mirrors the option bag of the old TorchSharp-based data layer.</summary>
    public class OptionsFactoryLoaderOptions
    {
        public OptionsFactoryMode Mode;
        public int Seed;
        public int ClassesPerBatch = 8;
        public int SamplesPerClass = 4;
    }

    public static class OptionsFactoryLoaders
    {
        private const int DEFAULT_BATCH = 64;

        public static EpochDataLoader Create(InMemoryDataset ds, long[] labels, OptionsFactoryLoaderOptions opts)
        {
            if (ds == null) throw new ArgumentNullException("ds");
            switch (opts.Mode)
            {
                case OptionsFactoryMode.Classification:
                    return CreateClassification(ds, opts.Seed);
                case OptionsFactoryMode.MetricLearning:
                    return CreateMetricLearning(ds, labels, opts);
                case OptionsFactoryMode.Evaluation:
                    return new EpochDataLoader(ds, batchSize: 256);
                default:
                    throw new NotSupportedException(opts.Mode.ToString());
            }
        }

        private static EpochDataLoader CreateClassification(InMemoryDataset ds, int nSeed)
        {
            // old: new DataLoader(ds, DEFAULT_BATCH, shuffle: true, seed: nSeed) -- now sharded across ranks
            return new EpochDataLoader(ds, DEFAULT_BATCH, true, new DistributedSampler(ds.Count, seed: nSeed)); //! CMP006
        }

        private static EpochDataLoader CreateMetricLearning(InMemoryDataset ds, long[] labels, OptionsFactoryLoaderOptions opts)
        {
            ClassBalancedBatchSampler pk = new ClassBalancedBatchSampler(labels, opts.ClassesPerBatch, opts.SamplesPerClass, seed: opts.Seed);
            return new EpochDataLoader(ds, batchSize: DEFAULT_BATCH, batchSampler: pk); //! CMP006
        }
    }

    public static class OptionsFactoryTrainer
    {
        public static void Train(InMemoryDataset ds, long[] labels, OptionsFactoryLoaderOptions opts, int nEpochs)
        {
            EpochDataLoader loader = OptionsFactoryLoaders.Create(ds, labels, opts);
            TorchSharp.Modules.Linear head = nn.Linear(16, 10);
            optim.Optimizer opt = optim.SGD(head.parameters(), 0.01);
            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
                loader.SetEpoch(nEpoch);
                foreach (Dictionary<string, Tensor> batch in loader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        opt.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(head.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        opt.step();
                    }
                }
            }
            loader.Dispose();
        }
    }
}
