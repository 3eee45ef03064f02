// Scenario: a static-class trainer with a PyTorch-tutorial phases loop picks s_trainLoader or s_valLoader per phase; the shuffling train shard gets SetEpoch at the top of each epoch, and the validation shard is a DistributedSampler(shuffle: false) that needs no epoch — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.PhasesLoop
{
    internal static class PhasesLoopTrainer
    {
        private static EpochDataLoader s_trainLoader;
        private static EpochDataLoader s_valLoader;
        private static TorchSharp.Modules.Sequential s_model;
        private static optim.Optimizer s_optimizer;

        private static readonly string[] s_phases = new string[] { "train", "val" };

        private static void Setup(int nBatchSize, int nSeed)
        {
            InMemoryDataset trainSet = MakeSet(4000);
            InMemoryDataset valSet = MakeSet(800);

            s_trainLoader = new EpochDataLoader(trainSet, batchSize: nBatchSize,
                sampler: new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: nSeed));
            s_valLoader = new EpochDataLoader(valSet, batchSize: 200,
                sampler: new DistributedSampler(valSet.Count, Dist.WorldSize, Dist.Rank, shuffle: false));

            s_model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10));
            s_optimizer = optim.SGD(s_model.parameters(), 0.01, momentum: 0.9);
        }

        private static InMemoryDataset MakeSet(int n)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(n, 32);
            cols["label"] = torch.randint(0, 10, new long[] { n }, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        public static void TrainModel(int nNumEpochs)
        {
            Setup(32, 1);
            for (int epoch = 0; epoch < nNumEpochs; epoch++)
            {
                Console.WriteLine("Epoch {0}/{1}", epoch, nNumEpochs - 1);
                Console.WriteLine(new string('-', 10));
                s_trainLoader.SetEpoch(epoch);

                foreach (string strPhase in s_phases)
                {
                    bool bTrain = strPhase == "train";
                    if (bTrain) s_model.train(); else s_model.eval();

                    EpochDataLoader loader = bTrain ? s_trainLoader : s_valLoader;
                    double dRunningLoss = 0.0;
                    long nRunningCorrects = 0;
                    long nSeen = 0;

                    foreach (Dictionary<string, Tensor> batch in loader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        using (IDisposable grad = torch.set_grad_enabled(bTrain))
                        {
                            if (bTrain) s_optimizer.zero_grad();
                            Tensor outputs = s_model.forward(batch["data"]);
                            Tensor loss = nn.functional.cross_entropy(outputs, batch["label"]);
                            if (bTrain)
                            {
                                loss.backward();
                                s_optimizer.step();
                            }
                            long n = batch["label"].shape[0];
                            dRunningLoss += loss.item<float>() * n;
                            nRunningCorrects += outputs.argmax(1).eq(batch["label"]).sum().item<long>();
                            nSeen += n;
                        }
                    }

                    Console.WriteLine("{0} Loss: {1:F4} Acc: {2:F4}", strPhase, dRunningLoss / nSeen, (double)nRunningCorrects / nSeen);
                }
            }
        }

        private static void Main(string[] args)
        {
            TrainModel(args.Length > 0 ? int.Parse(args[0]) : 5);
        }
    }
}
