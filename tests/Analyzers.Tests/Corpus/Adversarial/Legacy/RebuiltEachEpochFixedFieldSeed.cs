// Scenario: a not-yet-migrated trainer rebuilds TorchSharp's loader inside a do/while epoch loop with a using statement, seeded from a readonly m_nSeed field, believing a fresh loader gives a fresh order; the same seed gives the same order every epoch — wrong (CMP003).
#nullable disable
using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Legacy.RebuiltFixedSeed
{
    public class RebuiltFixedSeedTrainer
    {
        private readonly torch.utils.data.Dataset m_trainSet;
        private readonly Sequential m_model;
        private readonly optim.Optimizer m_optimizer;
        private readonly int m_nSeed;
        private readonly int m_nBatchSize;
        private readonly int m_nMaxEpochs;

        public RebuiltFixedSeedTrainer(torch.utils.data.Dataset trainSet, int nSeed, int nBatchSize, int nMaxEpochs)
        {
            m_trainSet = trainSet;
            m_nSeed = nSeed;
            m_nBatchSize = nBatchSize;
            m_nMaxEpochs = nMaxEpochs;
            m_model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 2));
            m_optimizer = optim.SGD(m_model.parameters(), 0.1);
        }

        public void Train()
        {
            int nEpoch = 0;
            do
            {
                double dEpochLoss = 0.0;
                int nSteps = 0;

                // TODO(migration): move to Composer's EpochDataLoader once the package is approved by platform.
                // A new loader per epoch so that every epoch is shuffled again.
                using (DataLoader loader = torch.utils.data.DataLoader(m_trainSet, m_nBatchSize, true, null, m_nSeed, 1, false, true, false)) //! CMP003
                {
                    foreach (Dictionary<string, Tensor> batch in loader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            m_optimizer.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                            loss.backward();
                            m_optimizer.step();
                            dEpochLoss += loss.item<float>();
                            nSteps = nSteps + 1;
                        }
                    }
                }

                Console.WriteLine("Epoch " + nEpoch.ToString() + ": " + (dEpochLoss / Math.Max(1, nSteps)).ToString("0.0000"));
                nEpoch = nEpoch + 1;
            }
            while (nEpoch < m_nMaxEpochs);
        }
    }

    public static class RebuiltFixedSeedProgram
    {
        public static void Main(string[] args)
        {
            int nSeed = args.Length > 0 ? int.Parse(args[0]) : 99;
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(1000, 10);
            cols["label"] = torch.randint(0, 2, new long[] { 1000 }, dtype: ScalarType.Int64);
            Composer.Data.InMemoryDataset set = new Composer.Data.InMemoryDataset(cols);

            RebuiltFixedSeedTrainer trainer = new RebuiltFixedSeedTrainer(set, nSeed, 50, 8);
            trainer.Train();
        }
    }
}
