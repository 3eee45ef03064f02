global using NoiseLoader = Composer.Data.EpochDataLoader;

using GanTraining;

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

var real = GanData.Gaussian(rows: 4096, dim: 2, seed: 1, shift: 3f);
var noise = GanData.Gaussian(rows: 4096, dim: 8, seed: 2);
var critic = GanData.Gaussian(rows: 1024, dim: 2, seed: 3);

Console.WriteLine($"warm-up mean {Warmup.Run(noise, rounds: 2):F4}");
using var trainer = new GanTrainer(real, noise, baseSeed: 100);
trainer.PretrainDiscriminator(steps: 3, resumeFrom: 0);
trainer.FitCritic(critic, epochs: 2);
try
{
    await trainer.FitAsync(epochs: 20, cts.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopped early");
}
finally
{
    Console.WriteLine($"generator loss {trainer.LastGeneratorLoss:F4}");
}
