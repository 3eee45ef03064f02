// Scenario: a background Thread worker sets its DistributedSampler's epoch from a local nEpoch that it never advances (it increments the shared m_nEpochsDone with Interlocked instead), so every epoch reuses epoch 0's shard order — wrong (CMP004).
#nullable disable
using System;
using System.Collections.Generic;
using System.Threading;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.BackgroundThread
{
    public class BackgroundThreadEpochEventArgs : EventArgs
    {
        public BackgroundThreadEpochEventArgs(int nEpochsDone, double dLoss)
        {
            EpochsDone = nEpochsDone;
            Loss = dLoss;
        }

        public int EpochsDone { get; private set; }
        public double Loss { get; private set; }
    }

    public class BackgroundThreadTrainWorker
    {
        public event EventHandler<BackgroundThreadEpochEventArgs> EpochCompleted;

        private readonly DistributedSampler m_shard;
        private readonly EpochDataLoader m_loader;
        private readonly TorchSharp.Modules.Linear m_model;
        private readonly optim.Optimizer m_optimizer;
        private readonly int m_nMaxEpochs;
        private Thread m_thread;
        private volatile bool m_bStop;
        private int m_nEpochsDone;

        public BackgroundThreadTrainWorker(InMemoryDataset data, int nReplicas, int nRank, int nMaxEpochs)
        {
            m_nMaxEpochs = nMaxEpochs;
            m_shard = new DistributedSampler(data.Count, nReplicas, nRank, shuffle: true, seed: 5);
            m_loader = new EpochDataLoader(data, batchSize: 32, sampler: m_shard);
            m_model = nn.Linear(8, 2);
            m_optimizer = optim.SGD(m_model.parameters(), 0.05);
        }

        public int EpochsDone
        {
            get { return Volatile.Read(ref m_nEpochsDone); }
        }

        public void Start()
        {
            m_thread = new Thread(new ThreadStart(WorkerProc));
            m_thread.IsBackground = true;
            m_thread.Name = "train-worker";
            m_thread.Start();
        }

        public void Stop()
        {
            m_bStop = true;
        }

        public void Join()
        {
            if (m_thread != null) m_thread.Join();
        }

        private void WorkerProc()
        {
            int nEpoch = 0;
            while (!m_bStop && m_nEpochsDone < m_nMaxEpochs)
            {
                m_shard.SetEpoch(nEpoch); //! CMP004

                double dLoss = 0.0;
                int nBatches = 0;
                foreach (Dictionary<string, Tensor> batch in m_loader)
                {
                    if (m_bStop) break;
                    using (DisposeScope scope = torch.NewDisposeScope())
                    {
                        m_optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                        loss.backward();
                        m_optimizer.step();
                        dLoss += loss.item<float>();
                        nBatches++;
                    }
                }

                int nDone = Interlocked.Increment(ref m_nEpochsDone);
                EventHandler<BackgroundThreadEpochEventArgs> handler = EpochCompleted;
                if (handler != null) handler(this, new BackgroundThreadEpochEventArgs(nDone, dLoss / Math.Max(1, nBatches)));
            }
        }
    }

    internal static class BackgroundThreadProgram
    {
        private static void OnEpochCompleted(object sender, BackgroundThreadEpochEventArgs e)
        {
            Console.WriteLine("[worker] epoch {0} done, loss {1:F4}", e.EpochsDone, e.Loss);
        }

        private static void Main(string[] args)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(640, 8);
            cols["label"] = torch.randint(0, 2, new long[] { 640 }, dtype: ScalarType.Int64);
            InMemoryDataset data = new InMemoryDataset(cols);

            BackgroundThreadTrainWorker worker = new BackgroundThreadTrainWorker(data, 2, 0, 6);
            worker.EpochCompleted += new EventHandler<BackgroundThreadEpochEventArgs>(OnEpochCompleted);
            worker.Start();
            worker.Join();
            Console.WriteLine("finished after {0} epochs", worker.EpochsDone);
        }
    }
}
