// Scenario: pre-foreach-style code walks the loader with an explicit IEnumerator in try/finally and calls m_loader.SetEpoch(nEpoch) when nStep == 0, after the enumeration has already fixed the order, so every epoch uses the previous epoch's order — wrong (CMP005).
#nullable disable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Legacy.ExplicitEnumerator
{
    public abstract class ExplicitEnumeratorTrainerBase
    {
        protected readonly EpochDataLoader m_loader;
        protected readonly TorchSharp.Modules.Sequential m_net;
        protected readonly optim.Optimizer m_opt;

        protected ExplicitEnumeratorTrainerBase(InMemoryDataset data, int nBatch, int nSeed)
        {
            m_loader = new EpochDataLoader(data, batchSize: nBatch, shuffle: true, seed: nSeed, prefetch: true);
            m_net = nn.Sequential(nn.Linear(20, 20), nn.ReLU(), nn.Linear(20, 5));
            m_opt = optim.SGD(m_net.parameters(), 0.01);
        }

        protected abstract void ReportProgress(int nEpoch, int nStep, double dLoss);

        public void Fit(int nEpochs)
        {
            Stopwatch sw = Stopwatch.StartNew();
            for (int nEpoch = 0; nEpoch < nEpochs; nEpoch++)
            {
                IEnumerator<Dictionary<string, Tensor>> it = m_loader.GetEnumerator();
                try
                {
                    int nStep = 0;
                    while (it.MoveNext())
                    {
                        if (nStep == 0)
                        {
                            m_loader.SetEpoch(nEpoch); //! CMP005
                        }

                        Dictionary<string, Tensor> batch = it.Current;
                        using (DisposeScope scope = torch.NewDisposeScope())
                        {
                            m_opt.zero_grad();
                            Tensor loss = nn.functional.cross_entropy(m_net.forward(batch["data"]), batch["label"]);
                            loss.backward();
                            m_opt.step();
                            if (nStep % 20 == 0) ReportProgress(nEpoch, nStep, loss.item<float>());
                        }
                        nStep++;
                    }
                }
                finally
                {
                    it.Dispose();
                }
            }
            Trace.WriteLine("Fit took " + sw.Elapsed);
        }
    }

    public sealed class ExplicitEnumeratorConsoleTrainer : ExplicitEnumeratorTrainerBase
    {
        public ExplicitEnumeratorConsoleTrainer(InMemoryDataset data) : base(data, 64, 2020)
        {
        }

        protected override void ReportProgress(int nEpoch, int nStep, double dLoss)
        {
            Console.WriteLine("ep {0} step {1}: {2:F4}", nEpoch, nStep, dLoss);
        }
    }

    internal static class ExplicitEnumeratorProgram
    {
        private static void Main(string[] args)
        {
            Dictionary<string, Tensor> cols = new Dictionary<string, Tensor>();
            cols["data"] = torch.randn(2000, 20);
            cols["label"] = torch.randint(0, 5, new long[] { 2000 }, dtype: ScalarType.Int64);
            ExplicitEnumeratorConsoleTrainer trainer = new ExplicitEnumeratorConsoleTrainer(new InMemoryDataset(cols));
            trainer.Fit(args.Length > 0 ? int.Parse(args[0]) : 10);
        }
    }
}
