// Scenario: a static utility builds a fresh TorchSharp DataLoader per epoch, seeded BASE_SEED + epochIndex from its epoch parameter, and the training loop disposes it with a using statement each epoch; every epoch gets a new, reproducible order — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Legacy.PerEpochFactory
{
    public static class PerEpochLoaderUtil
    {
        public const int BASE_SEED = 1000;

        /// <summary>
        /// TorchSharp's loader cannot be told the epoch, so we build one per epoch with an
        /// epoch-specific seed (same seeds across runs: reproducible; new seed per epoch: new order).
        /// </summary>
        public static DataLoader CreateForEpoch(torch.utils.data.Dataset dataset, int nBatchSize, int epochIndex)
        {
            int nSeed = BASE_SEED + epochIndex;
            return new DataLoader(dataset, nBatchSize, shuffle: true, device: null, seed: nSeed, disposeDataset: false);
        }
    }

    public class PerEpochFactoryTrainer
    {
        private readonly torch.utils.data.Dataset m_trainSet;
        private readonly Sequential m_model;
        private readonly optim.Optimizer m_opt;

        public PerEpochFactoryTrainer(torch.utils.data.Dataset trainSet)
        {
            m_trainSet = trainSet;
            m_model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2));
            m_opt = optim.SGD(m_model.parameters(), 0.1);
        }

        public void Train(int nMaxEpochs)
        {
            for (int epochIndex = 0; epochIndex < nMaxEpochs; epochIndex++)
            {
                double dSum = 0.0;
                using (DataLoader loader = PerEpochLoaderUtil.CreateForEpoch(m_trainSet, 16, epochIndex))
                {
                    foreach (Dictionary<string, Tensor> batch in loader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            m_opt.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                            loss.backward();
                            m_opt.step();
                            dSum += loss.item<float>();
                        }
                    }
                }
                Console.WriteLine("epoch {0}: {1:F3}", epochIndex, dSum);
            }
        }
    }

    internal static class PerEpochFactoryProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(320, 4);
            cols["label"] = torch.randint(0, 2, new long[] { 320 }, dtype: ScalarType.Int64);
            PerEpochFactoryTrainer trainer = new PerEpochFactoryTrainer(new Composer.Data.InMemoryDataset(cols));
            trainer.Train(6);
        }
    }
}
