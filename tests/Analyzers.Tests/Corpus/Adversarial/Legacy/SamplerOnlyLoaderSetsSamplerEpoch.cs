// Scenario: a #region-heavy trainer builds its EpochDataLoader with sampler: a DistributedSampler (no batch sampler) in its constructor and reshuffles through ((IEpochAware)m_trainLoader.Sampler).SetEpoch(nEpoch); the loader batches that very sampler, so this works — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.SamplerOnly
{
    public class SamplerOnlyTrainer
    {
        #region Constants

        private const int c_nBatchSize = 48;
        private const int c_nSeed = 8;

        #endregion

        #region Fields

        private readonly EpochDataLoader m_trainLoader;
        private readonly EpochDataLoader m_testLoader;
        private readonly TorchSharp.Modules.Sequential m_net;
        private readonly optim.Optimizer m_opt;
        private int m_nEpoch;

        #endregion

        #region Construction

        public SamplerOnlyTrainer(InMemoryDataset trainSet, InMemoryDataset testSet)
        {
            m_trainLoader = new EpochDataLoader(trainSet, batchSize: c_nBatchSize,
                sampler: new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: c_nSeed),
                dropLast: false);
            m_testLoader = new EpochDataLoader(testSet, batchSize: 200);
            m_net = nn.Sequential(nn.Linear(15, 30), nn.ReLU(), nn.Linear(30, 6));
            m_opt = optim.Adam(m_net.parameters(), 0.003);
        }

        #endregion

        #region Public methods

        public void Train(int nMaxEpochs)
        {
            for (m_nEpoch = 0; m_nEpoch < nMaxEpochs; m_nEpoch++)
            {
                #region Shuffle

                if (m_trainLoader.Sampler is IEpochAware)
                {
                    ((IEpochAware)m_trainLoader.Sampler).SetEpoch(m_nEpoch);
                }

                #endregion

                #region Train

                m_net.train();
                foreach (Dictionary<string, Tensor> batch in m_trainLoader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        m_opt.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(m_net.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        m_opt.step();
                    }
                }

                #endregion

                #region Test

                m_net.eval();
                long nRight = 0;
                long nTotal = 0;
                using (IDisposable ng = torch.no_grad())
                {
                    foreach (Dictionary<string, Tensor> batch in m_testLoader)
                    {
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            nRight += m_net.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                            nTotal += batch["label"].shape[0];
                        }
                    }
                }
                Console.WriteLine("Epoch {0}: {1}/{2}", m_nEpoch, nRight, nTotal);

                #endregion
            }
        }

        #endregion
    }

    internal static class SamplerOnlyProgram
    {
        private static InMemoryDataset Make(int n)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(n, 15);
            cols["label"] = torch.randint(0, 6, new long[] { n }, dtype: ScalarType.Int64);
            return new InMemoryDataset(cols);
        }

        private static void Main(string[] args)
        {
            SamplerOnlyTrainer trainer = new SamplerOnlyTrainer(Make(2400), Make(600));
            trainer.Train(args.Length == 1 ? int.Parse(args[0]) : 8);
        }
    }
}
