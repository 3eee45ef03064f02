// Scenario: an abstract trainer's template method sets the loader's start epoch before its while loop and, at the end of each pass, advances the counter and sets the next epoch ("prepare the next epoch"); a derived P×K trainer supplies the loader — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using System.Linq;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.TemplateMethod
{
    public abstract class TemplateMethodTrainerBase
    {
        protected EpochDataLoader m_trainLoader;
        protected readonly int m_nStartEpoch;
        protected readonly int m_nMaxEpochs;

        protected TemplateMethodTrainerBase(int nStartEpoch, int nMaxEpochs)
        {
            m_nStartEpoch = nStartEpoch;
            m_nMaxEpochs = nMaxEpochs;
        }

        /// <summary>Creates the training loader. Called once per Fit.</summary>
        protected abstract EpochDataLoader CreateTrainLoader();

        /// <summary>Trains on one epoch's batches and returns the mean loss.</summary>
        protected abstract double TrainEpoch(EpochDataLoader loader);

        protected virtual void OnEpochCompleted(int nEpoch, double dLoss)
        {
        }

        /// <summary>Template method: do not override.</summary>
        public void Fit()
        {
            m_trainLoader = CreateTrainLoader();
            m_trainLoader.SetEpoch(m_nStartEpoch);

            int nEpoch = m_nStartEpoch;
            while (nEpoch < m_nMaxEpochs)
            {
                double dLoss = TrainEpoch(m_trainLoader);
                OnEpochCompleted(nEpoch, dLoss);

                nEpoch += 1;
                m_trainLoader.SetEpoch(nEpoch);   // prepare the next epoch's order
            }
            m_trainLoader.Dispose();
        }
    }

    public class TemplateMethodPkTrainer : TemplateMethodTrainerBase
    {
        private readonly InMemoryDataset m_data;
        private readonly long[] m_labels;
        private readonly TorchSharp.Modules.Sequential m_net;
        private readonly optim.Optimizer m_opt;

        public TemplateMethodPkTrainer(InMemoryDataset data, long[] labels, int nStartEpoch, int nMaxEpochs)
            : base(nStartEpoch, nMaxEpochs)
        {
            m_data = data;
            m_labels = labels;
            m_net = nn.Sequential(nn.Linear(20, 40), nn.ReLU(), nn.Linear(40, 8));
            m_opt = optim.SGD(m_net.parameters(), 0.01);
        }

        protected override EpochDataLoader CreateTrainLoader()
        {
            return new EpochDataLoader(m_data, batchSampler: new ClassBalancedBatchSampler(m_labels, 6, 5, seed: 13));
        }

        protected override double TrainEpoch(EpochDataLoader loader)
        {
            double dTotal = 0.0;
            int n = 0;
            foreach (Dictionary<string, Tensor> batch in loader)
            {
                using (DisposeScope scope = torch.NewDisposeScope())
                {
                    m_opt.zero_grad();
                    Tensor emb = m_net.forward(batch["data"]);
                    Tensor centered = emb - emb.mean(new long[] { 0 }, keepdim: true);
                    Tensor loss = centered.pow(2).mean();
                    loss.backward();
                    m_opt.step();
                    dTotal += loss.item<float>();
                    n++;
                }
            }
            return n > 0 ? dTotal / n : 0.0;
        }

        protected override void OnEpochCompleted(int nEpoch, double dLoss)
        {
            Console.WriteLine("epoch {0}: {1:F5} ({2} batches)", nEpoch, dLoss, m_trainLoader.BatchSampler.Count);
        }
    }

    internal static class TemplateMethodProgram
    {
        private static void Main(string[] args)
        {
            int nStart = args.Length > 0 ? int.Parse(args[0]) : 0;
            long[] labels = Enumerable.Range(0, 600).Select(i => (long)(i % 15)).ToArray();
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(600, 20);
            cols["label"] = torch.tensor(labels);
            TemplateMethodTrainerBase trainer = new TemplateMethodPkTrainer(new InMemoryDataset(cols), labels, nStart, 10);
            trainer.Fit();
        }
    }
}
