// Scenario: a legacy EventArgs-based epoch listener reshuffles by setting the epoch on loader.Sampler of a loader handed to its constructor; the loader it is wired to draws from a P×K batch sampler, so every epoch replays epoch 0 — wrong (CMP001).
#nullable disable
using System;
using System.Collections.Generic;
using System.Linq;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.EventArgsListener
{
    /// <summary>Carries the zero-based epoch number to listeners.</summary>
    public class ListenerEpochEventArgs : EventArgs
    {
        private readonly int m_nEpoch;

        public ListenerEpochEventArgs(int nEpoch)
        {
            m_nEpoch = nEpoch;
        }

        public int Epoch
        {
            get { return m_nEpoch; }
        }
    }

    /// <summary>
    /// Written in 2019 for the distributed loader; re-pointed at EpochDataLoader during the migration.
    /// </summary>
    public class ListenerReshuffleHandler
    {
        private readonly EpochDataLoader m_loader;
        private int m_nCalls;

        public ListenerReshuffleHandler(EpochDataLoader loader)
        {
            if (loader == null) throw new ArgumentNullException("loader");
            m_loader = loader;
        }

        public int Calls
        {
            get { return m_nCalls; }
        }

        public void OnEpochBegin(object sender, ListenerEpochEventArgs e)
        {
            m_nCalls = m_nCalls + 1;
            IEpochAware epochAware = m_loader.Sampler as IEpochAware;
            if (epochAware != null)
            {
                epochAware.SetEpoch(e.Epoch); //! CMP001
            }
            else
            {
                Console.WriteLine("[ListenerReshuffleHandler] sampler is not epoch-aware, nothing to do");
            }
        }
    }

    public class ListenerEpochDriver
    {
        public event EventHandler<ListenerEpochEventArgs> EpochBegin;

        private readonly EpochDataLoader m_loader;
        private readonly TorchSharp.Modules.Linear m_model;
        private readonly optim.Optimizer m_optimizer;

        public ListenerEpochDriver(EpochDataLoader loader)
        {
            m_loader = loader;
            m_model = nn.Linear(16, 10);
            m_optimizer = optim.SGD(m_model.parameters(), 0.05);
        }

        protected virtual void OnEpochBegin(ListenerEpochEventArgs e)
        {
            EventHandler<ListenerEpochEventArgs> handler = EpochBegin;
            if (handler != null)
            {
                handler(this, e);
            }
        }

        public void Run(int nMaxEpochs)
        {
            int nEpoch = 0;
            while (nEpoch < nMaxEpochs)
            {
                OnEpochBegin(new ListenerEpochEventArgs(nEpoch));

                double dTotal = 0.0;
                int nBatches = 0;
                foreach (Dictionary<string, Tensor> batch in m_loader)
                {
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        m_optimizer.zero_grad();
                        Tensor output = m_model.forward(batch["data"]);
                        Tensor loss = nn.functional.cross_entropy(output, batch["label"]);
                        loss.backward();
                        m_optimizer.step();
                        dTotal += loss.item<float>();
                        nBatches++;
                    }
                }

                Console.WriteLine("Epoch {0}: loss {1:F4}", nEpoch, dTotal / Math.Max(1, nBatches));
                nEpoch += 1;
            }
        }
    }

    public static class ListenerProgram
    {
        public static void Main(string[] args)
        {
            int nSamples = 800;
            long[] labels = Enumerable.Range(0, nSamples).Select(i => (long)(i % 10)).ToArray();
            Dictionary<string, Tensor> columns = new Dictionary<string, Tensor>();
            columns["data"] = torch.randn(nSamples, 16);
            columns["label"] = torch.tensor(labels);
            InMemoryDataset dataset = new InMemoryDataset(columns);

            // Metric-learning batches: 5 classes x 8 samples.
            EpochDataLoader train = new EpochDataLoader(dataset,
                batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 5, samplesPerClass: 8, seed: 3));

            ListenerEpochDriver driver = new ListenerEpochDriver(train);
            ListenerReshuffleHandler reshuffle = new ListenerReshuffleHandler(train);
            driver.EpochBegin += reshuffle.OnEpochBegin;
            driver.Run(5);
            Console.WriteLine("reshuffle handler called {0} times", reshuffle.Calls);
            train.Dispose();
        }
    }
}
