// Scenario: a half-migrated semi-supervised loop copies drop_last onto an EpochDataLoader that also gets a batch sampler (rejected at construction: CMP006), sets the main loader's epoch correctly, but zips in a shuffled auxiliary loader through a hand-held enumerator whose epoch is never set — wrong (CMP006, CMP002).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.HalfMigratedAux
{
    public class HalfMigratedAuxTrainer
    {
        private readonly Dictionary<string, string> m_settings;

        public HalfMigratedAuxTrainer(Dictionary<string, string> settings)
        {
            m_settings = settings;
        }

        private int Setting(string strKey, int nDefault)
        {
            string s;
            return m_settings.TryGetValue(strKey, out s) ? Convert.ToInt32(s) : nDefault;
        }

        private static InMemoryDataset Make(int n, bool bLabeled)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(n, 16);
            cols["label"] = bLabeled
                ? torch.randint(0, 10, new long[] { n }, dtype: ScalarType.Int64)
                : torch.full(new long[] { n }, -1L, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        public void Train()
        {
            int nEpochs = Setting("epochs", 10);
            int nBatch = Setting("batch", 32);
            int nSeed = Setting("seed", 3);

            InMemoryDataset labeled = Make(1024, true);
            InMemoryDataset unlabeled = Make(4096, false);

            BatchSampler trainBatches = new BatchSampler(new RandomSampler(labeled.Count, seed: nSeed), nBatch, dropLast: true);
            // drop_last carried over from the old DataLoader(labeled, nBatch, shuffle: true, drop_last: true)
            EpochDataLoader train = new EpochDataLoader(labeled, batchSampler: trainBatches, dropLast: true); //! CMP006
            EpochDataLoader aux = new EpochDataLoader(unlabeled, nBatch, shuffle: true, seed: nSeed + 1);

            TorchSharp.Modules.Sequential net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 10));
            optim.Optimizer opt = optim.Adam(net.parameters(), 0.001);

            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
                train.SetEpoch(nEpoch);

                using (IEnumerator<Dictionary<string, Tensor>> auxIt = aux.GetEnumerator()) //! CMP002
                {
                    foreach (Dictionary<string, Tensor> batch in train)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            opt.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(net.forward(batch["data"]), batch["label"]);
                            if (auxIt.MoveNext())
                            {
                                // consistency term on unlabeled data: predictions should be stable under noise
                                Tensor x = auxIt.Current["data"];
                                Tensor p1 = nn.functional.softmax(net.forward(x), 1);
                                Tensor p2 = nn.functional.softmax(net.forward(x + 0.05 * torch.randn_like(x)), 1);
                                loss = loss + 0.5 * nn.functional.mse_loss(p1, p2);
                            }
                            loss.backward();
                            opt.step();
                        }
                    }
                }
                Console.WriteLine("epoch {0} done", nEpoch);
            }
        }
    }
}
