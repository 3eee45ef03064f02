// Scenario: a Thread-based worker keeps the old "if (m_loader.Sampler is IEpochAware)" call for compatibility but also calls m_loader.SetEpoch(nEpoch) on the same pass, which reaches the batch sampler; the old call is dead but harmless — right (no diagnostic).
#nullable disable
using System;
using System.Collections.Generic;
using System.Threading;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.WorkerBothSetters
{
    public sealed class WorkerBothSettersJob
    {
        private readonly EpochDataLoader m_loader;
        private readonly TorchSharp.Modules.Sequential m_model;
        private readonly optim.Optimizer m_optimizer;
        private readonly int m_nMaxEpochs;
        private readonly ManualResetEvent m_done = new ManualResetEvent(false);
        private volatile bool m_bCancel;
        private Exception m_error;

        public WorkerBothSettersJob(InMemoryDataset data, int nMaxEpochs, int nReplicas, int nRank)
        {
            m_nMaxEpochs = nMaxEpochs;
            m_loader = new EpochDataLoader(data,
                batchSampler: new BatchSampler(new DistributedSampler(data.Count, nReplicas, nRank, seed: 77), 32, dropLast: true));
            m_model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 2));
            m_optimizer = optim.SGD(m_model.parameters(), 0.05);
        }

        public void Cancel()
        {
            m_bCancel = true;
        }

        public void RunOnThreadPool()
        {
            ThreadPool.QueueUserWorkItem(new WaitCallback(WorkerProc), null);
            m_done.WaitOne();
            if (m_error != null) throw new InvalidOperationException("training failed", m_error);
        }

        private void WorkerProc(object state)
        {
            try
            {
                int nEpoch = 0;
                while (nEpoch < m_nMaxEpochs && !m_bCancel)
                {
                    // Old call from the TorchSharp DataLoader days; kept for compatibility with the
                    // jobs that still pass a plain sampler. The line below does the real work now.
                    if (m_loader.Sampler is IEpochAware)
                    {
                        ((IEpochAware)m_loader.Sampler).SetEpoch(nEpoch);
                    }
                    m_loader.SetEpoch(nEpoch);

                    foreach (Dictionary<string, Tensor> batch in m_loader)
                    {
                        if (m_bCancel) break;
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            m_optimizer.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(m_model.forward(batch["data"]), batch["label"]);
                            loss.backward();
                            m_optimizer.step();
                        }
                    }
                    nEpoch += 1;
                }
            }
            catch (Exception ex)
            {
                m_error = ex;
            }
            finally
            {
                m_done.Set();
            }
        }
    }

    internal static class WorkerBothSettersProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(512, 6);
            cols["label"] = torch.randint(0, 2, new long[] { 512 }, dtype: ScalarType.Int64);
            WorkerBothSettersJob job = new WorkerBothSettersJob(new InMemoryDataset(cols), 4, 1, 0);
            job.RunOnThreadPool();
            Console.WriteLine("done");
        }
    }
}
