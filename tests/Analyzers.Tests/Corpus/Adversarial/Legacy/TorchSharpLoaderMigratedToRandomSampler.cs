// Scenario: mid-migration, the TorchSharp DataLoader is kept but its shuffle/seed pair was replaced by a seeded RandomSampler shuffler whose epoch is set with Epochs.SetEpoch each pass; an unseeded shuffling aux loader and a seeded non-shuffling eval loader remain — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Legacy.MigratedShuffler
{
    internal static class MigratedShufflerProgram
    {
        #region Helpers

        private static InMemoryDataset NewSet(int n, int nFeatures)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(n, nFeatures);
            cols["label"] = torch.randint(0, 3, new long[] { n }, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        private static int ArgOrDefault(string[] args, string strName, int nDefault)
        {
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (string.Equals(args[i], strName, StringComparison.OrdinalIgnoreCase)) return int.Parse(args[i + 1]);
            }
            return nDefault;
        }

        #endregion

        private static void Main(string[] args)
        {
            int nSeed = ArgOrDefault(args, "/seed", 42);
            int nMaxEpochs = ArgOrDefault(args, "/epochs", 12);

            InMemoryDataset trainSet = NewSet(3000, 10);
            InMemoryDataset auxSet = NewSet(600, 10);
            InMemoryDataset evalSet = NewSet(500, 10);

            // Was: DataLoader train = new DataLoader(trainSet, 64, shuffle: true, seed: nSeed);
            //      (reproducible, but the same order every epoch -- see incident 2023-11)
            DataLoader train = new DataLoader(trainSet, 64, new RandomSampler(trainSet.Count, seed: nSeed), device: CPU, disposeDataset: false);
            // Aux data: order need not be reproducible, TorchSharp draws a fresh order per enumeration.
            DataLoader aux = new DataLoader(auxSet, 32, shuffle: true, disposeDataset: false);
            DataLoader eval = new DataLoader(evalSet, 250, shuffle: false, device: CPU, seed: nSeed, disposeDataset: false);

            Sequential model = nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Linear(20, 3));
            optim.Optimizer optimizer = optim.SGD(model.parameters(), 0.03);

            int nEpoch = 0;
            while (nEpoch < nMaxEpochs)
            {
                Epochs.SetEpoch(train, nEpoch);

                model.train();
                foreach (Dictionary<string, Tensor> batch in train)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                }

                foreach (Dictionary<string, Tensor> batch in aux)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        Tensor loss = 0.1 * nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                }

                model.eval();
                double dLoss = 0.0;
                using (IDisposable ng = torch.no_grad())
                {
                    foreach (Dictionary<string, Tensor> batch in eval)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            dLoss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).item<float>();
                        }
                    }
                }
                Console.WriteLine("epoch {0}: eval loss {1:F4}", nEpoch, dLoss);
                nEpoch = nEpoch + 1;
            }

            train.Dispose();
            aux.Dispose();
            eval.Dispose();
        }
    }
}
