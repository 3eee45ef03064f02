// Scenario: k-fold cross-validation runs each fold on Task.Run and collects .Result; each fold builds its own RandomSampler loader and sets Epochs.SetEpoch(loader, nFold * m_nEpochsPerFold + nEpoch) inside its epoch loop, which changes every epoch — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.KFoldTasks
{
    public class KFoldTasksRunner
    {
        private readonly Tensor m_features;
        private readonly Tensor m_labels;
        private readonly int m_nFolds;
        private readonly int m_nEpochsPerFold;

        public KFoldTasksRunner(Tensor features, Tensor labels, int nFolds, int nEpochsPerFold)
        {
            m_features = features;
            m_labels = labels;
            m_nFolds = nFolds;
            m_nEpochsPerFold = nEpochsPerFold;
        }

        public double[] RunAll()
        {
            Task<double>[] tasks = new Task<double>[m_nFolds];
            for (int nFold = 0; nFold < m_nFolds; nFold++)
            {
                int nFoldCopy = nFold;
                tasks[nFold] = Task.Run(() => TrainFold(nFoldCopy));
                tasks[nFold].Wait();   // one fold at a time: libtorch already uses every core
            }

            double[] scores = new double[m_nFolds];
            for (int i = 0; i < tasks.Length; i++)
            {
                scores[i] = tasks[i].Result;
            }
            return scores;
        }

        private double TrainFold(int nFold)
        {
            long nTotal = m_features.shape[0];
            long nFoldSize = nTotal / m_nFolds;
            long nValStart = nFold * nFoldSize;

            Tensor all = torch.arange(nTotal, dtype: ScalarType.Int64);
            Tensor isVal = all.ge(nValStart).logical_and(all.lt(nValStart + nFoldSize));
            Tensor trainIdx = all.masked_select(isVal.logical_not());
            Tensor valIdx = all.masked_select(isVal);

            Dictionary<string, Tensor> trainCols = new Dictionary<string, Tensor>();
            trainCols["data"] = m_features.index_select(0, trainIdx);
            trainCols["label"] = m_labels.index_select(0, trainIdx);
            Dictionary<string, Tensor> valCols = new Dictionary<string, Tensor>();
            valCols["data"] = m_features.index_select(0, valIdx);
            valCols["label"] = m_labels.index_select(0, valIdx);

            InMemoryDataset trainSet = new InMemoryDataset(trainCols);
            InMemoryDataset valSet = new InMemoryDataset(valCols);

            TorchSharp.Modules.Sequential model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2));
            optim.Optimizer opt = optim.SGD(model.parameters(), 0.05);

            using (EpochDataLoader trainLoader = new EpochDataLoader(trainSet, batchSize: 32, sampler: new RandomSampler(trainSet.Count, seed: 100 + nFold)))
            using (EpochDataLoader valLoader = new EpochDataLoader(valSet, batchSize: 128))
            {
                for (int nEpoch = 0; nEpoch < m_nEpochsPerFold; nEpoch++)
                {
                    // global epoch index so that logs of all folds line up in one chart
                    Epochs.SetEpoch(trainLoader, nFold * m_nEpochsPerFold + nEpoch);
                    foreach (Dictionary<string, Tensor> batch in trainLoader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            opt.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                            loss.backward();
                            opt.step();
                        }
                    }
                }

                long nCorrect = 0;
                using (IDisposable ng = torch.no_grad())
                {
                    foreach (Dictionary<string, Tensor> batch in valLoader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            nCorrect += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                        }
                    }
                }
                return (double)nCorrect / valSet.Count;
            }
        }
    }

    internal static class KFoldTasksProgram
    {
        private static void Main(string[] args)
        {
            Tensor x = torch.randn(1000, 8);
            Tensor y = torch.randint(0, 2, new long[] { 1000 }, dtype: ScalarType.Int64);
            KFoldTasksRunner runner = new KFoldTasksRunner(x, y, 5, 6);
            double[] scores = runner.RunAll();
            for (int i = 0; i < scores.Length; i++) Console.WriteLine("fold {0}: {1:P1}", i, scores[i]);
        }
    }
}
