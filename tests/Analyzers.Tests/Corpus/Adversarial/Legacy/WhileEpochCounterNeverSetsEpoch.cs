// Scenario: Program.Main with hand-rolled argument parsing migrated from TorchSharp's DataLoader(shuffle, seed) to EpochDataLoader(shuffle: true, seed) but its while/epoch = epoch + 1 loop never tells the loader the epoch — wrong (CMP002).
#nullable disable
using System;
using System.Collections.Generic;
using System.Globalization;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.WhileEpochCounter
{
    internal sealed class WhileEpochCounterOptions
    {
        public int MaxEpochs = 20;
        public int BatchSize = 128;
        public int Seed = 1234;
        public double LearningRate = 0.01;
        public bool Verbose;
    }

    internal static class WhileEpochCounterProgram
    {
        private static WhileEpochCounterOptions ParseArgs(string[] args)
        {
            WhileEpochCounterOptions opts = new WhileEpochCounterOptions();
            int i = 0;
            while (i < args.Length)
            {
                string strArg = args[i].ToLowerInvariant();
                if (strArg == "-e" || strArg == "--epochs")
                {
                    opts.MaxEpochs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    i += 2;
                }
                else if (strArg == "-b" || strArg == "--batch")
                {
                    opts.BatchSize = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    i += 2;
                }
                else if (strArg == "--seed")
                {
                    opts.Seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    i += 2;
                }
                else if (strArg == "--lr")
                {
                    opts.LearningRate = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    i += 2;
                }
                else if (strArg == "-v")
                {
                    opts.Verbose = true;
                    i += 1;
                }
                else
                {
                    Console.Error.WriteLine("Unknown argument: " + args[i]);
                    i += 1;
                }
            }
            return opts;
        }

        private static InMemoryDataset BuildSet(int nSamples)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(nSamples, 28 * 28);
            cols["label"] = torch.randint(0, 10, new long[] { nSamples }, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        public static int Main(string[] args)
        {
            WhileEpochCounterOptions opts = ParseArgs(args);
            torch.manual_seed(opts.Seed);

            InMemoryDataset trainSet = BuildSet(6000);
            InMemoryDataset testSet = BuildSet(1000);

            TorchSharp.Modules.Sequential model = nn.Sequential(
                nn.Linear(28 * 28, 256), nn.ReLU(), nn.Linear(256, 10));
            optim.Optimizer optimizer = optim.SGD(model.parameters(), opts.LearningRate, momentum: 0.9);

            // Before the migration:
            //   DataLoader trainLoader = new DataLoader(trainSet, opts.BatchSize, shuffle: true, seed: opts.Seed);
            using (EpochDataLoader trainLoader = new EpochDataLoader(trainSet, opts.BatchSize, true, seed: opts.Seed))
            using (EpochDataLoader testLoader = new EpochDataLoader(testSet, 500))
            {
                int epoch = 0;
                while (epoch < opts.MaxEpochs)
                {
                    model.train();
                    double dSum = 0.0;
                    int nCount = 0;
                    foreach (Dictionary<string, Tensor> batch in trainLoader) //! CMP002
                    {
                        using (DisposeScope d = torch.NewDisposeScope())
                        {
                            optimizer.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                            loss.backward();
                            optimizer.step();
                            dSum += loss.item<float>();
                            nCount++;
                        }
                    }

                    model.eval();
                    long nCorrect = 0;
                    using (IDisposable noGrad = torch.no_grad())
                    {
                        foreach (Dictionary<string, Tensor> batch in testLoader)
                        {
                            using (DisposeScope d = torch.NewDisposeScope())
                            {
                                Tensor pred = model.forward(batch["data"]).argmax(1);
                                nCorrect += pred.eq(batch["label"]).sum().item<long>();
                            }
                        }
                    }

                    if (opts.Verbose || epoch == opts.MaxEpochs - 1)
                    {
                        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                            "epoch {0,3}  loss {1:F4}  acc {2:P2}", epoch, dSum / Math.Max(1, nCount), (double)nCorrect / testSet.Count));
                    }
                    epoch = epoch + 1;
                }
            }
            return 0;
        }
    }
}
