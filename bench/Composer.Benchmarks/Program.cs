using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the benchmarks need the TorchSharp native library that this project's build made
// loadable (eng/NativeCompat); a generated child project would be a second build to keep in step.
// `--short` runs BenchmarkDotNet's short job (3 warm-ups, 3 iterations): the whole suite in minutes.
if (args is ["--write-corpus", var folder]) return Composer.Benchmarks.TrainingCorpus.Write(folder, 1000);
if (args.Contains("--allreduce")) return Composer.Benchmarks.AllReduceHarness.Run(); // under mpirun -np 2
// Trainer vs hand-written loop, interleaved, wall and CPU time (for a shared machine): --trainer mlp|cnn [iterations] [torch threads]
if (args is ["--trainer", var model, ..])
    return Composer.Benchmarks.TrainerHarness.Run(model, args.Length > 2 ? int.Parse(args[2]) : 10, args.Length > 3 ? int.Parse(args[3]) : 0);
if (args is ["--loader-workers", .. var rest]) return Composer.Benchmarks.LoaderWorkersHarness.Run(rest is [var r] ? int.Parse(r) : 15);

bool isShort = args.Contains("--short");
var job = (isShort ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance
    .AddJob(job)
    .WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Trend));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Where(a => a != "--short").ToArray(), config);
return 0;
