// Scenario: behind a feature flag, old (TorchSharp DataLoader) and new (EpochDataLoader) paths sit side by side in a do/while loop; each epoch rebuilds its loader with seed m_nBaseSeed + nEpoch and hands it to a shared TrainOn(IEnumerable) helper, so each epoch's order differs — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Legacy.FeatureFlagRebuild
{
    public class FeatureFlagRebuildTrainer
    {
        private readonly InMemoryDataset m_trainSet;
        private readonly Sequential m_model;
        private readonly optim.Optimizer m_opt;
        private readonly bool m_bUseLegacyLoader;
        private readonly int m_nBaseSeed;

        public FeatureFlagRebuildTrainer(InMemoryDataset trainSet, IDictionary<string, string> flags)
        {
            m_trainSet = trainSet;
            string strFlag;
            m_bUseLegacyLoader = flags.TryGetValue("data.legacyLoader", out strFlag) && strFlag == "1";
            string strSeed;
            m_nBaseSeed = flags.TryGetValue("data.seed", out strSeed) ? int.Parse(strSeed) : 500;
            m_model = nn.Sequential(nn.Linear(12, 24), nn.ReLU(), nn.Linear(24, 4));
            m_opt = optim.Adam(m_model.parameters(), 0.001);
        }

        public void Train(int nMaxEpochs)
        {
            int nEpoch = 0;
            do
            {
                double dLoss;
                if (m_bUseLegacyLoader)
                {
                    // legacy path, to be deleted after the Q3 release
                    using (DataLoader legacy = new DataLoader(m_trainSet, 64, shuffle: true, seed: m_nBaseSeed + nEpoch, disposeDataset: false))
                    {
                        dLoss = TrainOn(legacy);
                    }
                }
                else
                {
                    using (EpochDataLoader loader = new EpochDataLoader(m_trainSet, 64, shuffle: true, seed: m_nBaseSeed + nEpoch))
                    {
                        dLoss = TrainOn(loader);
                    }
                }
                Console.WriteLine("epoch {0} ({1}): {2:F4}", nEpoch, m_bUseLegacyLoader ? "legacy" : "composer", dLoss);
                nEpoch = nEpoch + 1;
            }
            while (nEpoch < nMaxEpochs);
        }

        private double TrainOn(IEnumerable<Dictionary<string, Tensor>> batches)
        {
            m_model.train();
            double dTotal = 0.0;
            int nCount = 0;
            foreach (Dictionary<string, Tensor> batch in batches)
            {
                using (DisposeScope scope = torch.NewDisposeScope())
                {
                    m_opt.zero_grad();
                    Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    m_opt.step();
                    dTotal += loss.item<float>();
                    nCount++;
                }
            }
            return nCount == 0 ? 0.0 : dTotal / nCount;
        }
    }

    internal static class FeatureFlagRebuildProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(1500, 12);
            cols["label"] = torch.randint(0, 4, new long[] { 1500 }, dtype: ScalarType.Int64);
            Dictionary<string, string> flags = new Dictionary<string, string>();
            if (Array.IndexOf(args, "--legacy") >= 0) flags["data.legacyLoader"] = "1";
            new FeatureFlagRebuildTrainer(new InMemoryDataset(cols), flags).Train(10);
        }
    }
}
